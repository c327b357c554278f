import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import { db } from "@/lib/db";
import { parseToken, tokenMatchesHash } from "@/lib/tokens/format";
import { recordAuditEvent } from "./audit-record";

/**
 * Deletes the token with this value, for whoever found it leaked: the value itself is the proof. Says whether
 * a token was deleted, for the caller's own records only: the API answers the same either way. A revocation
 * is recorded (token.revoked, in the same transaction); a value that revoked nothing is not.
 */
export async function revokeLeakedToken(tokenValue: string, source: AuditSource): Promise<boolean> {
  const parsed = parseToken(tokenValue);
  if (!parsed) return false;
  const token = await db.accessToken.findUnique({
    where: { id: parsed.tokenId },
    select: { id: true, secretHash: true, userId: true, user: { select: { workspaceId: true } } },
  });
  // Compared in constant time, as when the token authenticates: the id alone must not revoke anything.
  if (!token || !tokenMatchesHash(tokenValue, token.secretHash)) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.accessToken.deleteMany({ where: { id: token.id, secretHash: token.secretHash } });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      type: "token.revoked",
      workspaceId: token.user.workspaceId,
      actorId: null,
      source,
      subjectId: token.userId,
      tokenId: token.id,
    });
    return true;
  });
}
