import "server-only";
import { auditSource } from "@/lib/audit/source";
import { db } from "@/lib/db/client";
import { errorLabel } from "@/lib/errors";
import { rateLimitConfig } from "@/lib/rate-limit/config";
import type { BlockStart } from "@/lib/rate-limit/password-gate";
import type { StartedBlock } from "@/lib/rate-limit/policy";
import { isStorableEmail } from "@/lib/validations/email";
import { assertAdmin, type Account, type Actor } from "./actor";
import { recordAuditEventSafely } from "./audit-record";

/**
 * Records that failed attempts from the request's address just got that address blocked: once per block, by
 * the attempt that started it (the address is the event's own). Never fails the request. The workspace is the
 * request's, shown to its admins; null when no one request started it (the counts every instance shares), shown
 * to the default workspace's, the operator's.
 */
export async function recordAddressBlocked(
  headers: Headers,
  dimension: "password-address" | "token-address",
  blockSeconds: number,
  workspaceId: string | null,
): Promise<void> {
  await recordAuditEventSafely({
    type: "auth.throttled",
    workspaceId,
    actorId: null,
    source: auditSource(headers, null),
    details: { dimension, keyKind: "address", blockSeconds },
  });
}

/**
 * Records that a token's refused writes (insufficient_scope) came as a burst and got it blocked for a while:
 * once per block, about the token's owner, with the request's address.
 */
export async function recordScopeBurst(
  headers: Headers,
  token: { id: string; user: { id: string; workspaceId: string } },
  blockSeconds: number,
): Promise<void> {
  await recordAuditEventSafely({
    type: "auth.throttled",
    workspaceId: token.user.workspaceId,
    actorId: null,
    source: auditSource(headers, null),
    subjectId: token.user.id,
    tokenId: token.id,
    details: { dimension: "token-scope", keyKind: "token", blockSeconds },
  });
}

/** The blocks a password attempt started, each recorded once. */
export async function recordPasswordBlocks(headers: Headers, account: Account, blocks: BlockStart[]): Promise<void> {
  for (const block of blocks) {
    if (block.dimension === "password-address") {
      await recordAddressBlocked(headers, block.dimension, block.seconds, account.workspaceId);
    } else await recordAccountBlocked(headers, account, block);
  }
}

/**
 * auth.throttled for the account's block, and auth.account_under_attack when it is a person's account and this
 * is its first block of the day: an attack on it has begun. The email is recorded only when it is a person's,
 * so whatever was typed into the email field (even a password) is never kept.
 */
async function recordAccountBlocked(headers: Headers, account: Account, block: StartedBlock): Promise<void> {
  const person = await personWithEmail(account);
  const event = {
    workspaceId: account.workspaceId,
    actorId: null,
    source: auditSource(headers, null),
    subjectId: person?.id ?? null,
  };
  await recordAuditEventSafely({
    ...event,
    type: "auth.throttled",
    details: {
      dimension: "password-account",
      keyKind: "account",
      blockSeconds: block.seconds,
      account: person ? account.email : null,
    },
  });
  if (person && block.number === 1) {
    await recordAuditEventSafely({
      ...event,
      type: "auth.account_under_attack",
      details: { account: account.email },
    });
  }
}

/**
 * Of these people in the admin's workspace, those under attack: their account was blocked for wrong passwords
 * within the throttle's window (RATE_LIMIT_WINDOW_SECONDS). Each with the latest block's time, read from the
 * audit trail, which every instance shares.
 */
export async function accountsUnderAttack(actor: Actor, personIds: string[]): Promise<Map<string, Date>> {
  assertAdmin(actor);
  if (personIds.length === 0) return new Map();
  const since = new Date(Date.now() - rateLimitConfig().passwordAccount.windowSeconds * 1000);
  const rows = await db.auditEvent.groupBy({
    by: ["subjectId"],
    where: {
      workspaceId: actor.workspaceId,
      type: "auth.throttled",
      subjectId: { in: personIds },
      occurredAt: { gte: since },
    },
    _max: { occurredAt: true },
  });
  const latest = new Map<string, Date>();
  for (const { subjectId, _max } of rows) if (subjectId && _max.occurredAt) latest.set(subjectId, _max.occurredAt);
  return latest;
}

async function personWithEmail(account: Account): Promise<{ id: string } | null> {
  if (!isStorableEmail(account.email)) return null;
  try {
    return await db.user.findUnique({ where: { workspaceId_email: account }, select: { id: true } });
  } catch (error) {
    console.error("Could not look up the throttled account:", errorLabel(error));
    return null;
  }
}
