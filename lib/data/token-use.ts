// A token was used: the token check's one read (the token, its owner and the workspace policy), then the use
// recorded, as the token's lastUsed time (buffered: one write per token per interval at most) and, for its first
// use and each use from a new address, in the audit trail.
import "server-only";
import { auditSource, forwardedRequestOf } from "@/lib/audit/source";
import { db, hotRead } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { errorLabel } from "@/lib/errors";
import { LruSet } from "@/lib/lru-set";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { LastUsedBuffer, type LastUsedWriter } from "@/lib/tokens/last-used-buffer";
import { parseStoredScopes, type Scope } from "@/lib/tokens/scopes";
import { recordAuditEvent } from "./audit-record";
import { toPerson, type Person } from "./people";
import { toBoolean, toDate } from "./raw-values";
import { usageBuffer } from "./token-usage";

export type TokenForAuthentication = {
  id: string;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  scopes: Scope[];
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

const TOKEN_READ = `
  SELECT t."id", t."secretHash", t."createdAt", t."expiresAt", t."lastUsedAt", t."scopes",
         u."id" AS "userId", u."workspaceId", u."isAdmin", u."isDisabled", u."canGenerateApiAccessTokens",
         u."email", u."name", u."createdAt" AS "userCreatedAt", u."lastLoginAt",
         w."apiAccessTokensEnabled", w."usersCanGenerateApiAccessTokens", w."maxUserTokenLifetimeDays"
  FROM "AccessToken" t
  JOIN "User" u ON u."id" = t."userId"
  JOIN "Workspace" w ON w."id" = u."workspaceId"
  WHERE t."id" = ? AND u."workspaceId" = ?`;

/**
 * One indexed read that brings together the token, its owner and the workspace policy. A nested Prisma
 * select costs three statements here (relationLoadStrategy "join" is not available for SQLite), so this is
 * one portable statement: double-quoted identifiers and a bound parameter work on SQLite and PostgreSQL.
 * It also reads the owner's contract fields, so that GET /v4/people/current (a script's "who am I") costs
 * this one statement and no second read. It runs on every token check, so it goes through the driver, not
 * Prisma (lib/db/hot-reader.ts says what that saves). A token of another workspace than the request's is not
 * found: to the caller it is a wrong token like any other.
 */
export async function findTokenForAuthentication(
  tokenId: string,
  workspaceId: string,
): Promise<TokenForAuthentication | null> {
  const rows = await hotRead<Row>(TOKEN_READ, [tokenId, workspaceId]);
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
    scopes: parseStoredScopes(String(row.scopes)),
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

/** Records a successful authentication with the token; never fails the request (a failure is logged). */
export async function recordTokenUse(token: TokenForAuthentication, headers: Headers, now: Date): Promise<void> {
  lastUsedBuffer.record(token.id, now, token.lastUsedAt);
  usageBuffer.accepted(token.id, now, { address: clientAddress(headers), userAgent: headers.get("user-agent") ?? "" });
  await noteTokenAddress(token, headers);
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

// One buffer per process, held on globalThis like the database client (lib/db/client.ts says why).
const globalForBuffer = globalThis as unknown as { tesseraLastUsed?: LastUsedBuffer };
export const lastUsedBuffer = (globalForBuffer.tesseraLastUsed ??= createBuffer());

/** Flushed every interval and at shutdown by lib/server/lifecycle.ts. */
function createBuffer(): LastUsedBuffer {
  return new LastUsedBuffer(lastUsedWriter(db), env().LAST_USED_INTERVAL_SECONDS * 1000, (error) =>
    console.error("Could not record token use; will retry:", error instanceof Error ? error.message : error),
  );
}

// Token and address pairs known to be recorded. A use from a known pair costs a Map lookup and nothing
// else; only a pair this process has not seen is written (once: the row's key is the pair).
const CACHE_SIZE = 10_000;
const globalForAddresses = globalThis as unknown as {
  tesseraTokenAddresses?: { known: LruSet; pending: Set<string> };
};
const { known, pending } = (globalForAddresses.tesseraTokenAddresses ??= {
  known: new LruSet(CACHE_SIZE),
  pending: new Set(),
});

/** Records a token's first use, and each use from an address it had not been used from, in the audit trail. */
async function noteTokenAddress(token: TokenForAuthentication, headers: Headers): Promise<void> {
  const address = clientAddress(headers);
  const key = `${token.id} ${address}`;
  if (known.has(key) || pending.has(key)) return;
  pending.add(key);
  const source = auditSource(headers, { via: "token", tokenId: token.id });
  // Behind a proxy's check (GET /v4/auth/verify), what the token was used for.
  const request = forwardedRequestOf(headers);
  const forwarded = request ? { request } : {};
  try {
    await db.$transaction(async (tx) => {
      // Throws on a known pair (another instance, or before this process started), which ends the transaction.
      await tx.tokenAddress.create({
        data: { tokenId: token.id, address: source.clientAddress, firstSeenAt: new Date() },
      });
      const earlier = await tx.tokenAddress.count({
        where: { tokenId: token.id, address: { not: source.clientAddress } },
      });
      await recordAuditEvent(tx, {
        type: earlier === 0 ? "token.first_used" : "token.used_from_new_address",
        workspaceId: token.user.workspaceId,
        actorId: token.user.id,
        source,
        subjectId: token.user.id,
        tokenId: token.id,
        details: { ...(earlier === 0 ? {} : { earlierAddresses: earlier }), ...forwarded },
      });
    });
    known.add(key);
  } catch (error) {
    const code = errorLabel(error);
    if (code === "P2002") known.add(key);
    // P2003: the token was deleted meanwhile; nothing to record.
    else if (code !== "P2003") console.error("Could not record a token's address:", code);
  } finally {
    pending.delete(key);
  }
}
