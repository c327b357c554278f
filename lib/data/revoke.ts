import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import { db } from "@/lib/db/client";
import { hashToken, parseToken } from "@/lib/tokens/format";
import { recordAuditEvent } from "./audit-record";

/**
 * Deletes the token with this value, for whoever found it leaked: the value itself is the proof. Says whether
 * a token was deleted, for the caller's own records only: the API answers the same either way. A revocation
 * is recorded (token.revoked, in the same transaction); a value that revoked nothing is not.
 *
 * Whether the id exists must not show in the work done: a value with a real token id and a wrong secret costs
 * the same one statement as a made-up id (a DELETE matching id and hash, returning the owner), so timing cannot
 * tell a guesser which ids exist. Only the holder of the real value causes more (the event), and learns nothing.
 */
export async function revokeLeakedToken(tokenValue: string, source: AuditSource): Promise<boolean> {
  const parsed = parseToken(tokenValue);
  if (!parsed) return false;
  return db.$transaction(async (tx) => {
    // Double-quoted identifiers, bound parameters and RETURNING with a subquery: the same on SQLite and PostgreSQL.
    const [revoked] = await tx.$queryRaw<Array<{ userId: string; workspaceId: string }>>`
      DELETE FROM "AccessToken"
      WHERE "id" = ${parsed.tokenId} AND "secretHash" = ${hashToken(tokenValue)}
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
