import "server-only";
import { db } from "@/lib/db";
import { parseToken, tokenMatchesHash } from "@/lib/tokens/format";

/**
 * Deletes the token with this value, for whoever found it leaked: the value itself is the proof. Says whether
 * a token was deleted, for the caller's own records only: the API answers the same either way.
 */
export async function revokeLeakedToken(tokenValue: string): Promise<boolean> {
  const parsed = parseToken(tokenValue);
  if (!parsed) return false;
  const token = await db.accessToken.findUnique({
    where: { id: parsed.tokenId },
    select: { id: true, secretHash: true },
  });
  // Compared in constant time, as when the token authenticates: the id alone must not revoke anything.
  if (!token || !tokenMatchesHash(tokenValue, token.secretHash)) return false;
  const { count } = await db.accessToken.deleteMany({ where: { id: token.id, secretHash: token.secretHash } });
  return count > 0;
}
