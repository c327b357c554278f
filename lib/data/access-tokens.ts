import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import { db } from "@/lib/db";
import { forbidden, invalidField, notFound } from "@/lib/errors";
import { generateToken, hashToken } from "@/lib/tokens/format";
import {
  generateDenial,
  generateDenialMessages,
  lifetimeProblem,
  NON_EXPIRING,
  type TokenHolder,
  type TokenPolicy,
} from "@/lib/tokens/policy";
import type { CreateAccessTokenInput } from "@/lib/validations/access-token";
import type { Actor } from "./actor";
import { auditEventRow, recordAuditEvent } from "./audit-record";
import { toBoolean, toCount, toDate } from "./raw-columns";
import { toTokenInfo, tokenRowSelect, type TokenInfo, type TokenRow } from "./token-info";

export type Page = { limit: number; offset: number };

const holderSelect = {
  isAdmin: true,
  isDisabled: true,
  canGenerateApiAccessTokens: true,
  workspace: {
    select: { apiAccessTokensEnabled: true, usersCanGenerateApiAccessTokens: true, maxUserTokenLifetimeDays: true },
  },
} as const;

/** A person's tokens, newest first. Admins may list anyone's; others only their own. */
export async function listAccessTokens(
  actor: Actor,
  page: Page,
  ownerId = actor.userId,
): Promise<{ data: TokenInfo[]; count: number }> {
  if (ownerId !== actor.userId && !actor.isAdmin) throw notFound("Person");
  const rows = await readTokenPage(ownerId, actor.workspaceId, page);
  const first = rows[0];
  if (!first) throw notFound("Person");
  const owner = {
    isAdmin: toBoolean(first.isAdmin),
    isDisabled: toBoolean(first.isDisabled),
    canGenerateApiAccessTokens: toBoolean(first.canGenerateApiAccessTokens),
  };
  const policy = {
    apiAccessTokensEnabled: toBoolean(first.apiAccessTokensEnabled),
    usersCanGenerateApiAccessTokens: toBoolean(first.usersCanGenerateApiAccessTokens),
    maxUserTokenLifetimeDays: Number(first.maxUserTokenLifetimeDays),
  };
  const now = new Date();
  const data = rows
    .filter((row) => row.id !== null)
    .map((row) =>
      toTokenInfo(
        {
          id: String(row.id),
          description: String(row.description),
          createdAt: toDate(row.createdAt) ?? new Date(0),
          expiresAt: toDate(row.expiresAt),
          lastUsedAt: toDate(row.lastUsedAt),
        },
        owner,
        policy,
        now,
      ),
    );
  return { data, count: toCount(first.count) };
}

type TokenPageRow = Record<keyof TokenHolder | keyof TokenPolicy | keyof TokenRow | "count", unknown>;

/**
 * The owner (checked to be in the workspace), their workspace's policy, their token count and one page of
 * tokens, in one statement: one row per token, or a single row with null token columns when the page is
 * empty, or no row when there is no such owner. The page is a range of the (userId, createdAt) index; the
 * count is the owner's tokenCount, kept by triggers, since counting 10,000 index entries cost more than
 * everything else of the query (docs/PERFORMANCE.md).
 */
function readTokenPage(ownerId: string, workspaceId: string, page: Page): Promise<TokenPageRow[]> {
  return db.$queryRaw<TokenPageRow[]>`
    SELECT u."isAdmin", u."isDisabled", u."canGenerateApiAccessTokens",
           w."apiAccessTokensEnabled", w."usersCanGenerateApiAccessTokens", w."maxUserTokenLifetimeDays",
           u."tokenCount" AS "count",
           t."id", t."description", t."createdAt", t."expiresAt", t."lastUsedAt"
    FROM "User" u
    JOIN "Workspace" w ON w."id" = u."workspaceId"
    LEFT JOIN (
      SELECT p."id", p."description", p."createdAt", p."expiresAt", p."lastUsedAt"
      FROM "AccessToken" p
      WHERE p."userId" = ${ownerId}
      ORDER BY p."createdAt" DESC, p."id" DESC
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) t ON TRUE
    WHERE u."id" = ${ownerId} AND u."workspaceId" = ${workspaceId}
    ORDER BY t."createdAt" DESC, t."id" DESC`;
}

/**
 * Issues a token for the actor themselves: nobody can create a token for someone else. The value is
 * returned once and only its hash is stored, in a single insert, so a failure leaves nothing usable. The
 * token.created event is written in the same transaction.
 */
export async function createAccessToken(
  actor: Actor,
  input: CreateAccessTokenInput,
  source: AuditSource,
): Promise<{ tokenValue: string; tokenInfo: TokenInfo }> {
  const owner = await db.user.findUnique({ where: { id: actor.userId }, select: holderSelect });
  if (!owner) throw notFound("Person");
  const denial = generateDenial(owner, owner.workspace);
  if (denial) throw forbidden(generateDenialMessages[denial]);
  const problem = lifetimeProblem(input.lifetimeSeconds, owner.workspace);
  if (problem) throw invalidField("lifetimeSeconds", problem);

  const { tokenId, tokenValue } = generateToken();
  const createdAt = new Date();
  const expiresAt =
    input.lifetimeSeconds === NON_EXPIRING ? null : new Date(createdAt.getTime() + input.lifetimeSeconds * 1000);
  const [row] = await db.$transaction([
    db.accessToken.create({
      data: {
        id: tokenId,
        userId: actor.userId,
        description: input.description,
        secretHash: hashToken(tokenValue),
        createdAt,
        expiresAt,
      },
      select: tokenRowSelect,
    }),
    db.auditEvent.create({
      data: auditEventRow(
        {
          type: "token.created",
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          source,
          subjectId: actor.userId,
          tokenId,
          details: {
            method: source.method,
            lifetimeSeconds: input.lifetimeSeconds,
            expiresAt: expiresAt?.toISOString() ?? null,
          },
        },
        createdAt,
      ),
    }),
  ]);
  return { tokenValue, tokenInfo: toTokenInfo(row, owner, owner.workspace, createdAt) };
}

function visibleTo(actor: Actor, tokenId: string) {
  return actor.isAdmin
    ? { id: tokenId, user: { workspaceId: actor.workspaceId } }
    : { id: tokenId, userId: actor.userId };
}

/** The owner's or a workspace admin's view of one token; 404 for anyone else, never revealing it exists. */
export async function getAccessToken(actor: Actor, tokenId: string): Promise<TokenInfo> {
  const row = await db.accessToken.findFirst({
    where: visibleTo(actor, tokenId),
    select: { ...tokenRowSelect, user: { select: holderSelect } },
  });
  if (!row) throw notFound("Token");
  return toTokenInfo(row, row.user, row.user.workspace);
}

/** Deletes the token and records who did (the owner or an admin) in the same transaction. */
export async function deleteAccessToken(actor: Actor, tokenId: string, source: AuditSource): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.accessToken.findFirst({ where: visibleTo(actor, tokenId), select: { userId: true } });
    const { count } = token ? await tx.accessToken.deleteMany({ where: { id: tokenId } }) : { count: 0 };
    if (!token || count === 0) throw notFound("Token");
    await recordAuditEvent(tx, {
      type: "token.deleted",
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      source,
      subjectId: token.userId,
      tokenId,
      details: { byOwner: token.userId === actor.userId },
    });
  });
}

export type GeneratePermission = { allowed: boolean; reason: string | null; maxLifetimeDays: number };

/** Whether the actor may generate a token now, why not, and the workspace's maximum lifetime in days. */
export async function getGeneratePermission(actor: Actor): Promise<GeneratePermission> {
  const owner = await db.user.findUnique({ where: { id: actor.userId }, select: holderSelect });
  if (!owner) throw notFound("Person");
  const denial = generateDenial(owner, owner.workspace);
  return {
    allowed: denial === null,
    reason: denial && generateDenialMessages[denial],
    maxLifetimeDays: owner.workspace.maxUserTokenLifetimeDays,
  };
}
