import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import type { Actor } from "@/lib/data/actor";
import { recordThrottled } from "@/lib/data/audit-throttle";
import { getSessionUser, normalizeEmail, setPassword, verifyCredentials } from "@/lib/data/users";
import { invalidField, notFound, tooManyAttempts, type AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { throttles } from "@/lib/rate-limit/throttles";

/**
 * verifyCredentials behind the brute-force throttle: a blocked address or account is refused with 429
 * before bcrypt runs; a wrong password counts against both; a right one clears the account's count.
 * The address's count stays, so owning one account does not launder guesses at others. The failure that
 * blocks a key is recorded in the audit trail (the request's headers give its address and user agent).
 */
export async function verifyThrottledCredentials(
  headers: Headers,
  email: string,
  password: string,
): Promise<Actor | null> {
  const { passwordAddress, passwordAccount } = throttles();
  const address = clientAddress(headers);
  const account = normalizeEmail(email);
  const waiting = Math.max(await passwordAddress.retryAfter(address), await passwordAccount.retryAfter(account));
  if (waiting > 0) throw tooManyAttempts(waiting);

  const actor = await verifyCredentials(email, password);
  if (actor) {
    await passwordAccount.reset(account);
    return actor;
  }
  const addressBlock = await passwordAddress.fail(address);
  const accountBlock = await passwordAccount.fail(account);
  if (addressBlock > 0) await recordThrottled(headers, "password-address", addressBlock);
  if (accountBlock > 0) await recordThrottled(headers, "password-account", accountBlock, account);
  const blocked = Math.max(addressBlock, accountBlock);
  if (blocked > 0) throw tooManyAttempts(blocked);
  return null;
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
  const { tokenAddress, malformedTokenAddress } = throttles();
  const address = clientAddress(headers);
  const counter = malformed ? malformedTokenAddress : tokenAddress;
  const waiting =
    tokenAddress.knownBlock(address) ||
    malformedTokenAddress.knownBlock(address) ||
    (await counter.retryAfter(address));
  if (waiting > 0) throw tooManyAttempts(waiting);
  const blocked = await counter.fail(address);
  if (blocked > 0) {
    await recordThrottled(headers, "token-address", blocked);
    throw tooManyAttempts(blocked);
  }
  throw invalid;
}
