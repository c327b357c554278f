import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import { db } from "@/lib/db/client";
import { forbidden, insufficientScope, invalidField, notFound, unauthorized } from "@/lib/errors";
import { generateToken, hashToken, isTokenId, parseToken } from "@/lib/tokens/format";
import { generateDenial, generateDenialMessages, lifetimeProblem, NON_EXPIRING } from "@/lib/tokens/policy";
import { allows, normalizeScopes, parseStoredScopes, storedScopes } from "@/lib/tokens/scopes";
import type { CreateAccessTokenInput } from "@/lib/validations/access-token";
import { isPersonId } from "@/lib/validations/common";
import { assertAdmin, type Actor } from "./actor";
import { auditEventRow, recordAuditEvent } from "./audit-record";
import { holderSelect, toTokenInfo, tokenRowSelect, type CreatedToken, type TokenInfo } from "./token-info";

export type Page = { limit: number; offset: number };
type TokenList = { data: TokenInfo[]; count: number };

/** The actor's own tokens, newest first. */
export async function listAccessTokens(actor: Actor, page: Page): Promise<TokenList> {
  return listTokensOf(actor, actor.userId, page);
}

/** An admin's view of a person's tokens (values are never shown), newest first. */
export async function listPersonAccessTokens(actor: Actor, personId: string, page: Page): Promise<TokenList> {
  assertAdmin(actor);
  if (!isPersonId(personId)) throw notFound("Person");
  return listTokensOf(actor, personId, page);
}

async function listTokensOf(actor: Actor, ownerId: string, page: Page): Promise<TokenList> {
  // The owner read checks the workspace and nothing is returned without it, so the token queries need no
  // join with User: they stay on the (userId, createdAt) index alone.
  const where = { userId: ownerId };
  const [owner, rows, count] = await Promise.all([
    db.user.findFirst({ where: { id: ownerId, workspaceId: actor.workspaceId }, select: holderSelect }),
    db.accessToken.findMany({
      where,
      select: tokenRowSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: page.limit,
      skip: page.offset,
    }),
    db.accessToken.count({ where }),
  ]);
  if (!owner) throw notFound("Person");
  const now = new Date();
  return { data: rows.map((row) => toTokenInfo(row, owner, owner.workspace, now)), count };
}

/**
 * Issues a token for the actor themselves: nobody can create a token for someone else. The value is
 * returned once and only its hash is stored, in a single insert, so a failure leaves nothing usable. The
 * token.created event is written in the same transaction. A request authenticated by a token (the source
 * names it) gets at most that token's own lifetime (lifetimeProblem) and scopes.
 */
export async function createAccessToken(
  actor: Actor,
  input: CreateAccessTokenInput,
  source: AuditSource,
): Promise<CreatedToken> {
  const [owner, parent] = await Promise.all([
    db.user.findUnique({ where: { id: actor.userId }, select: holderSelect }),
    source.tokenId === null
      ? null
      : db.accessToken.findFirst({
          where: { id: source.tokenId, userId: actor.userId },
          select: { createdAt: true, expiresAt: true, scopes: true },
        }),
  ]);
  if (!owner) throw notFound("Person");
  // Deleted since it authenticated this request: as if it had been deleted a moment earlier.
  if (source.tokenId !== null && !parent) throw unauthorized("invalid_token", "The access token has been deleted");
  // No stronger than its parent either (a read-only token is refused before this, as any write is).
  const beyondParent = parent && input.scopes.find((scope) => !allows(parseStoredScopes(parent.scopes), scope));
  if (beyondParent) throw insufficientScope(beyondParent);
  const denial = generateDenial(owner, owner.workspace);
  if (denial) throw forbidden(generateDenialMessages[denial]);
  const problem = lifetimeProblem(input.lifetimeSeconds, owner.workspace, parent);
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
        scopes: storedScopes(input.scopes),
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
            scopes: normalizeScopes(input.scopes),
            ...(source.tokenId !== null && { parentTokenId: source.tokenId }),
          },
        },
        createdAt,
      ),
    }),
  ]);
  return { tokenValue, tokenInfo: toTokenInfo(row, owner, owner.workspace, createdAt) };
}

// Ids come from URLs and server action arguments: only a well-formed id string may reach a Prisma filter, where
// an object such as {"not": "x"} would match other tokens.
function requireTokenId(tokenId: unknown): asserts tokenId is string {
  if (!isTokenId(tokenId)) throw notFound("Token");
}

/** The owner's own token, or any of the workspace for an admin: the where of every read of one token. */
export function visibleTo(actor: Actor, tokenId: string) {
  return actor.isAdmin
    ? { id: tokenId, user: { workspaceId: actor.workspaceId } }
    : { id: tokenId, userId: actor.userId };
}

/** The owner's or a workspace admin's view of one token; 404 for anyone else, never revealing it exists. */
export async function getAccessToken(actor: Actor, tokenId: string): Promise<TokenInfo> {
  const { owner, ...token } = await getAccessTokenDetail(actor, tokenId);
  void owner;
  return token;
}

export type TokenDetail = TokenInfo & { owner: { id: string; email: string; name: string } };

/** getAccessToken with whose token it is, for the token's page. */
export async function getAccessTokenDetail(actor: Actor, tokenId: string): Promise<TokenDetail> {
  requireTokenId(tokenId);
  const row = await db.accessToken.findFirst({
    where: visibleTo(actor, tokenId),
    select: { ...tokenRowSelect, user: { select: { ...holderSelect, id: true, email: true, name: true } } },
  });
  if (!row) throw notFound("Token");
  const { id, email, name } = row.user;
  return { ...toTokenInfo(row, row.user, row.user.workspace), owner: { id, email, name } };
}

/** Deletes the token and records who did (the owner or an admin) in the same transaction. */
export async function deleteAccessToken(actor: Actor, tokenId: string, source: AuditSource): Promise<void> {
  requireTokenId(tokenId);
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

/** The most tokens one Revoke selected may name (Admin > Tokens shows at most 100 per page). */
export const MAX_REVOKE_AT_ONCE = 100;

/**
 * An admin revoking several tokens of the workspace at once (Admin > Tokens, Revoke selected): one transaction,
 * each deletion recorded as token.deleted. Ids that name no token of the workspace (deleted meanwhile, or never
 * there) are skipped; returns how many were deleted.
 */
export async function deleteWorkspaceTokens(
  actor: Actor,
  tokenIds: readonly unknown[],
  source: AuditSource,
): Promise<number> {
  assertAdmin(actor);
  if (tokenIds.length > MAX_REVOKE_AT_ONCE) throw invalidField("tokenIds", `at most ${MAX_REVOKE_AT_ONCE} at once`);
  const ids = [...new Set(tokenIds.filter(isTokenId))];
  if (ids.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const found = await tx.accessToken.findMany({
      where: { id: { in: ids }, user: { workspaceId: actor.workspaceId } },
      select: { id: true, userId: true },
    });
    let deleted = 0;
    for (const token of found) {
      // One at a time: a token deleted by someone else meanwhile was recorded by them, not here.
      const { count } = await tx.accessToken.deleteMany({ where: { id: token.id } });
      if (count === 0) continue;
      deleted += 1;
      await recordAuditEvent(tx, {
        type: "token.deleted",
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        source,
        subjectId: token.userId,
        tokenId: token.id,
        details: { byOwner: token.userId === actor.userId },
      });
    }
    return deleted;
  });
}

/** An admin deleting a person's token from the person's page. */
export async function deletePersonAccessToken(actor: Actor, tokenId: string, source: AuditSource): Promise<void> {
  assertAdmin(actor);
  await deleteAccessToken(actor, tokenId, source);
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

/**
 * Deletes the token with this value, for whoever found it leaked: the value itself is the proof. Says whether
 * a token was deleted, for the caller's own records only: the API answers the same either way. A revocation
 * is recorded (token.revoked, in the same transaction); a value that revoked nothing is not.
 *
 * Whether the id exists must not show in the work done: a value with a real token id and a wrong secret costs
 * the same one statement as a made-up id (a DELETE matching id and hash, returning the owner), so timing cannot
 * tell a guesser which ids exist. Only the holder of the real value causes more (the event), and learns nothing.
 * Only a token of the request's workspace: at another workspace's address the value is nobody's.
 */
export async function revokeLeakedToken(
  tokenValue: string,
  workspaceId: string,
  source: AuditSource,
): Promise<boolean> {
  const parsed = parseToken(tokenValue);
  if (!parsed) return false;
  return db.$transaction(async (tx) => {
    // Double-quoted identifiers, bound parameters and RETURNING with a subquery: the same on SQLite and PostgreSQL.
    const [revoked] = await tx.$queryRaw<Array<{ userId: string; workspaceId: string }>>`
      DELETE FROM "AccessToken"
      WHERE "id" = ${parsed.tokenId} AND "secretHash" = ${hashToken(tokenValue)}
        AND "userId" IN (SELECT u."id" FROM "User" u WHERE u."workspaceId" = ${workspaceId})
      RETURNING "userId", (SELECT u."workspaceId" FROM "User" u WHERE u."id" = "AccessToken"."userId") AS "workspaceId"`;
    if (!revoked) return false;
    await recordAuditEvent(tx, {
      type: "token.revoked",
      workspaceId: revoked.workspaceId,
      actorId: null,
      source,
      subjectId: revoked.userId,
      tokenId: parsed.tokenId,
    });
    return true;
  });
}
