import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import type { Actor } from "@/lib/data/actor";
import { recordAddressBlocked, recordPasswordBlocks } from "@/lib/data/audit-throttle";
import { isFamiliarAddress, rememberSignInAddress } from "@/lib/data/sign-in-addresses";
import { getSessionUser, normalizeEmail, setPassword, verifyCredentials } from "@/lib/data/users";
import { invalidField, notFound, tooManyAttempts, type AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { admitPasswordAttempt } from "@/lib/rate-limit/password-gate";
import { throttles } from "@/lib/rate-limit/throttles";

/**
 * verifyCredentials behind the brute-force throttle (lib/rate-limit/password-gate.ts says which attempts get
 * checked). The attempt takes its place in the throttle before bcrypt runs, so a refused attempt costs no bcrypt
 * and concurrent attempts cannot all slip past a check; a right password hands its place back and makes the
 * address familiar to the account. A block's start is recorded in the audit trail (the request's headers give
 * its address and user agent).
 */
export async function verifyThrottledCredentials(
  headers: Headers,
  email: string,
  password: string,
): Promise<Actor | null> {
  const address = clientAddress(headers);
  const account = normalizeEmail(email);
  const gate = await admitPasswordAttempt(throttles().password, {
    address,
    account,
    isFamiliar: () => isFamiliarAddress(account, address),
  });
  await recordPasswordBlocks(headers, account, gate.blocksStarted);
  if (!gate.admitted) throw tooManyAttempts(gate.retryAfterSeconds);

  const actor = await verifyCredentials(email, password, address).catch(async (error: unknown) => {
    await gate.refund();
    throw error;
  });
  if (!actor) return null;
  await gate.refund();
  await rememberSignInAddress(actor.userId, address);
  return actor;
}

/**
 * A password change checks the current password behind the same throttle, counted against the same account
 * and address as sign-in: whoever holds a stolen token or session must not be able to guess the password at
 * bcrypt speed through this check.
 */
export async function changePasswordThrottled(
  headers: Headers,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  source: AuditSource,
): Promise<void> {
  const person = await getSessionUser(actor.userId);
  if (!person) throw notFound("Person");
  const verified = await verifyThrottledCredentials(headers, person.email, currentPassword);
  if (!verified) throw invalidField("currentPassword", "is not your current password");
  await setPassword(actor, newPassword, source);
}

/**
 * Called only once a Bearer token has failed, so a valid token never pays for the throttle, and an address
 * blocked for its invalid tokens can still use its valid ones. Throws the 429, or else the given 401.
 * A malformed value (bad format or checksum) can never be a right guess, so it is counted in this process
 * only: refusing it touches no database, even when well-formed failures are shared through PostgreSQL.
 * A block this process knows of, for either kind, refuses both.
 */
export async function refuseInvalidToken(
  headers: Headers,
  invalid: AppError,
  { malformed }: { malformed: boolean },
): Promise<never> {
  await countInvalidToken(headers, { malformed });
  throw invalid;
}

/** Counts one invalid token against the request's address; throws the 429 once the address is blocked. */
export async function countInvalidToken(headers: Headers, { malformed }: { malformed: boolean }): Promise<void> {
  const { tokenAddress, malformedTokenAddress } = throttles();
  const address = clientAddress(headers);
  const known = tokenAddress.knownBlock(address) || malformedTokenAddress.knownBlock(address);
  if (known > 0) throw tooManyAttempts(known);
  const counted = await (malformed ? malformedTokenAddress : tokenAddress).take(address);
  if (counted.granted) return;
  if (counted.startedBlock) await recordAddressBlocked(headers, "token-address", counted.startedBlock.seconds);
  throw tooManyAttempts(counted.retryAfterSeconds);
}
