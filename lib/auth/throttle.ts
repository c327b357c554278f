import "server-only";
import type { Account, Actor } from "@/lib/data/actor";
import { recordAddressBlocked, recordPasswordBlocks, recordScopeBurst } from "@/lib/data/audit-throttle";
import { isFamiliarAddress, rememberSignInAddress } from "@/lib/data/sign-in-addresses";
import { insufficientScope, tooManyAttempts, type AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { admitPasswordAttempt } from "@/lib/rate-limit/password-gate";
import { throttles } from "@/lib/rate-limit/throttles";
import type { Scope } from "@/lib/tokens/scopes";
import { workspaceIdOf } from "@/lib/workspaces/request";

/**
 * A password attempt (`attempt`, given the client's address) behind the brute-force throttle
 * (lib/rate-limit/password-gate.ts says which attempts get checked). The attempt takes its place in the throttle
 * before bcrypt runs, so a refused attempt costs no bcrypt and concurrent attempts cannot all slip past a check;
 * a right password hands its place back and makes the address familiar to the account. A block's start is
 * recorded in the audit trail (the request's headers give its address and user agent).
 */
export async function throttlePasswordAttempt(
  headers: Headers,
  account: Account,
  attempt: (address: string) => Promise<Actor | null>,
): Promise<Actor | null> {
  const address = clientAddress(headers);
  const gate = await admitPasswordAttempt(throttles().password, {
    address,
    // Counted per workspace: a guesser at one workspace's alice does not lock out another's.
    account: JSON.stringify([account.workspaceId, account.email]),
    isFamiliar: () => isFamiliarAddress(account, address),
  });
  await recordPasswordBlocks(headers, account, gate.blocksStarted);
  if (!gate.admitted) throw tooManyAttempts(gate.retryAfterSeconds);

  const actor = await attempt(address).catch(async (error: unknown) => {
    await gate.refund();
    throw error;
  });
  if (!actor) return null;
  await gate.refund();
  await rememberSignInAddress(actor.userId, address);
  return actor;
}

/**
 * Called only once a Bearer token has failed, so a valid token never pays for the throttle, and an address
 * blocked for its invalid tokens can still use its valid ones. Throws the 429, or else the given 401.
 * A malformed value (bad format or checksum) can never be a right guess, so it is counted in this process
 * only. A well-formed one is counted in this process at once and shared with the other instances (PostgreSQL)
 * by a flush every second, so refusing either touches no database: an invalid token costs no more than a
 * valid one. A block this process knows of, for either kind, refuses both.
 */
export async function refuseInvalidToken(
  headers: Headers,
  invalid: AppError,
  { malformed }: { malformed: boolean },
): Promise<never> {
  await countInvalidToken(headers, { malformed });
  throw invalid;
}

/**
 * Adds the invalid tokens this process counted to the counts every instance shares (PostgreSQL), and records
 * the blocks that starts. Run every second and at shutdown (lib/server/lifecycle.ts).
 */
export async function shareTokenFailures(): Promise<void> {
  for (const { key, block } of await throttles().tokenAddress.flush()) {
    await recordAddressBlocked(new Headers({ "x-forwarded-for": key }), "token-address", block.seconds, null);
  }
}

/** Counts one invalid token against the request's address; throws the 429 once the address is blocked. */
export async function countInvalidToken(headers: Headers, { malformed }: { malformed: boolean }): Promise<void> {
  const { tokenAddress, malformedTokenAddress } = throttles();
  const address = clientAddress(headers);
  const known = tokenAddress.knownBlock(address) || malformedTokenAddress.knownBlock(address);
  if (known > 0) throw tooManyAttempts(known);
  const counted = await (malformed ? malformedTokenAddress : tokenAddress).take(address);
  if (counted.granted) return;
  if (counted.startedBlock) {
    await recordAddressBlocked(headers, "token-address", counted.startedBlock.seconds, workspaceIdOf(headers));
  }
  throw tooManyAttempts(counted.retryAfterSeconds);
}

/**
 * A real token asked for more than its scopes allow: 403 insufficient_scope. One such request is a script's bug,
 * not an attack, so it is not an event; a burst of them (the token-failure allowance within the window, per token
 * and instance) is recorded once as auth.throttled, and the token's refused writes get 429 until the block ends.
 */
export async function refuseBeyondScope(
  headers: Headers,
  token: { id: string; user: { id: string; workspaceId: string } },
  needed: Scope,
): Promise<never> {
  const { tokenScope } = throttles();
  const known = tokenScope.knownBlock(token.id);
  if (known > 0) throw tooManyAttempts(known);
  const counted = await tokenScope.take(token.id);
  if (counted.granted) throw insufficientScope(needed);
  if (counted.startedBlock) await recordScopeBurst(headers, token, counted.startedBlock.seconds);
  throw tooManyAttempts(counted.retryAfterSeconds);
}
