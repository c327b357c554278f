import "server-only";
import { auditSource } from "@/lib/audit/source";
import { db } from "@/lib/db";
import { errorLabel } from "@/lib/errors";
import { LruSet } from "@/lib/lru-set";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { recordAuditEvent } from "./audit-record";
import type { TokenForAuthentication } from "./token-auth";

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

/**
 * Records a token's first use, and each use from an address it had not been used from, in the audit trail.
 * Called on every successful token authentication; never fails the request (a failure is logged).
 */
export async function noteTokenAddress(token: TokenForAuthentication, headers: Headers): Promise<void> {
  const address = clientAddress(headers);
  const key = `${token.id} ${address}`;
  if (known.has(key) || pending.has(key)) return;
  pending.add(key);
  const source = auditSource(headers, { via: "token", tokenId: token.id });
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
        details: earlier === 0 ? {} : { earlierAddresses: earlier },
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
