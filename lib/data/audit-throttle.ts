import "server-only";
import { auditSource } from "@/lib/audit/source";
import { db } from "@/lib/db";
import { describe, recordAuditEventSafely } from "./audit-record";

export type ThrottleDimension = "password-address" | "password-account" | "token-address";

/**
 * Records that failed attempts just got a key blocked (a failed-authentication burst). The key is the
 * client's address, already in the event, or an account: its email is recorded only when it is a person's,
 * so whatever was typed into the email field (even a password) is never kept. Never fails the request.
 */
export async function recordThrottled(
  headers: Headers,
  dimension: ThrottleDimension,
  blockSeconds: number,
  account?: string,
): Promise<void> {
  const person = account === undefined ? null : await personWithEmail(account);
  await recordAuditEventSafely({
    type: "auth.throttled",
    workspaceId: person?.workspaceId ?? null,
    actorId: null,
    source: auditSource(headers, null),
    subjectId: person?.id ?? null,
    details: {
      dimension,
      keyKind: account === undefined ? "address" : "account",
      blockSeconds,
      ...(account !== undefined && { account: person ? account : null }),
    },
  });
}

async function personWithEmail(email: string): Promise<{ id: string; workspaceId: string } | null> {
  try {
    return await db.user.findUnique({ where: { email }, select: { id: true, workspaceId: true } });
  } catch (error) {
    console.error("Could not look up the throttled account:", describe(error));
    return null;
  }
}
