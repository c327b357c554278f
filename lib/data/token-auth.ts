import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";
import { LastUsedBuffer, type LastUsedWriter } from "@/lib/tokens/last-used-buffer";
import { toPerson, type Person } from "./people";
import { toBoolean, toDate } from "./raw-values";

export type TokenForAuthentication = {
  id: string;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  user: {
    id: string;
    workspaceId: string;
    /** The owner as the contract shows them, read in the same statement (GET /v4/people/current needs no other). */
    person: Person;
    isAdmin: boolean;
    isDisabled: boolean;
    canGenerateApiAccessTokens: boolean;
    workspace: {
      apiAccessTokensEnabled: boolean;
      usersCanGenerateApiAccessTokens: boolean;
      maxUserTokenLifetimeDays: number;
    };
  };
};

type Row = Record<keyof Omit<TokenForAuthentication, "user"> | "userId" | "workspaceId", unknown> &
  Record<keyof Omit<TokenForAuthentication["user"], "id" | "workspaceId" | "workspace" | "person">, unknown> &
  Record<"email" | "name" | "userCreatedAt" | "lastLoginAt", unknown> &
  Record<keyof TokenForAuthentication["user"]["workspace"], unknown>;

/**
 * One indexed read that brings together the token, its owner and the workspace policy. A nested Prisma
 * select costs three statements here (relationLoadStrategy "join" is not available for SQLite), so this is
 * one portable statement: double-quoted identifiers and a bound parameter work on SQLite and PostgreSQL.
 * It also reads the owner's contract fields, so that GET /v4/people/current (a script's "who am I") costs
 * this one statement and no second read (docs/PERFORMANCE.md).
 */
export async function findTokenForAuthentication(tokenId: string): Promise<TokenForAuthentication | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT t."id", t."secretHash", t."createdAt", t."expiresAt", t."lastUsedAt",
           u."id" AS "userId", u."workspaceId", u."isAdmin", u."isDisabled", u."canGenerateApiAccessTokens",
           u."email", u."name", u."createdAt" AS "userCreatedAt", u."lastLoginAt",
           w."apiAccessTokensEnabled", w."usersCanGenerateApiAccessTokens", w."maxUserTokenLifetimeDays"
    FROM "AccessToken" t
    JOIN "User" u ON u."id" = t."userId"
    JOIN "Workspace" w ON w."id" = u."workspaceId"
    WHERE t."id" = ${tokenId}`;
  const row = rows[0];
  if (!row) return null;
  const isAdmin = toBoolean(row.isAdmin);
  const isDisabled = toBoolean(row.isDisabled);
  const canGenerateApiAccessTokens = toBoolean(row.canGenerateApiAccessTokens);
  return {
    id: String(row.id),
    secretHash: String(row.secretHash),
    createdAt: toDate(row.createdAt) ?? new Date(0),
    expiresAt: toDate(row.expiresAt),
    lastUsedAt: toDate(row.lastUsedAt),
    user: {
      id: String(row.userId),
      workspaceId: String(row.workspaceId),
      person: toPerson({
        id: String(row.userId),
        email: String(row.email),
        name: String(row.name),
        isAdmin,
        isDisabled,
        canGenerateApiAccessTokens,
        createdAt: toDate(row.userCreatedAt) ?? new Date(0),
        lastLoginAt: toDate(row.lastLoginAt),
      }),
      isAdmin,
      isDisabled,
      canGenerateApiAccessTokens,
      workspace: {
        apiAccessTokensEnabled: toBoolean(row.apiAccessTokensEnabled),
        usersCanGenerateApiAccessTokens: toBoolean(row.usersCanGenerateApiAccessTokens),
        maxUserTokenLifetimeDays: Number(row.maxUserTokenLifetimeDays),
      },
    },
  };
}

/** Writes buffered uses; never moves lastUsed backwards, whichever instance or flush writes last. */
export function lastUsedWriter(client: PrismaClient): LastUsedWriter {
  return async (uses) => {
    await client.$transaction(
      [...uses].map(([id, at]) =>
        client.accessToken.updateMany({
          where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
          data: { lastUsedAt: at },
        }),
      ),
    );
  };
}

const intervalSeconds = Number(process.env.LAST_USED_INTERVAL_SECONDS) || 60;

const globalForBuffer = globalThis as unknown as { tesseraLastUsed?: LastUsedBuffer };
export const lastUsedBuffer = (globalForBuffer.tesseraLastUsed ??= startBuffer());

function startBuffer(): LastUsedBuffer {
  const buffer = new LastUsedBuffer(lastUsedWriter(db), intervalSeconds * 1000, (error) =>
    console.error("Could not record token use; will retry:", error instanceof Error ? error.message : error),
  );
  setInterval(() => void buffer.flush(), buffer.intervalMs).unref();
  return buffer;
}
