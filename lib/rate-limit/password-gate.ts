// Which password attempts get checked. Each attempt reserves its place in the store before bcrypt runs
// (lib/auth/throttle.ts), so whatever the concurrency and however many instances share the store, no more are
// checked than the limits allow. Pure of the database: whether the address is familiar to the account (someone
// signed in to it from there before) is the caller's to say.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { FailureThrottle, Refusal, StartedBlock } from "./policy";
import type { Trickle } from "./trickle";

export type PasswordLimits = {
  /** Per client address: every attempt counts, unless its password was right. */
  address: FailureThrottle;
  /** Per account (the normalized email): the same, while the account has attempts left. */
  account: FailureThrottle;
  /** Per account and address: the address's attempts at the account that were let through this window. */
  tries: RateLimiterAbstract;
  /** Per account: while it is blocked, one new address at a time still gets its attempt checked. */
  trickle: Trickle;
};

export type PasswordAttempt = { address: string; account: string; isFamiliar: () => Promise<boolean> };

export type BlockStart = StartedBlock & { dimension: "password-address" | "password-account" };

export type Gate =
  | {
      admitted: true;
      blocksStarted: BlockStart[];
      /** To call when the password was right, or was never checked (an error): the attempt does not count. */
      refund(): Promise<void>;
    }
  | { admitted: false; blocksStarted: BlockStart[]; retryAfterSeconds: number };

/**
 * An attempt is checked when its address has attempts left and then either the account has attempts left, or,
 * the account being blocked, the address is one the account signed in from before, or this is the address's
 * first attempt at the account in the window and the account's trickle slot is free. Anything else is refused
 * before bcrypt. So a guesser cannot keep the owner out, and guesses at an account stay bounded.
 */
export async function admitPasswordAttempt(limits: PasswordLimits, attempt: PasswordAttempt): Promise<Gate> {
  const onAddress = await limits.address.take(attempt.address);
  if (!onAddress.granted) {
    const blocksStarted = started("password-address", onAddress);
    return { admitted: false, blocksStarted, retryAfterSeconds: onAddress.retryAfterSeconds };
  }

  // Marked before the account is asked: an attempt the account refuses then sees the marks of every attempt
  // from this address that the account let through before it.
  const triesKey = JSON.stringify([attempt.account, attempt.address]);
  await limits.tries.penalty(triesKey);
  const onAccount = await limits.account.take(attempt.account);
  const refund = async () => {
    await limits.address.refund(onAddress);
    if (onAccount.granted) await limits.account.refund(onAccount);
    await limits.tries.reward(triesKey);
  };
  if (onAccount.granted) return { admitted: true, blocksStarted: [], refund };

  const blocksStarted = started("password-account", onAccount);
  if (await attempt.isFamiliar()) return { admitted: true, blocksStarted, refund };
  const firstTry = ((await limits.tries.get(triesKey))?.consumedPoints ?? 0) <= 1;
  if (firstTry && (await limits.trickle.take(attempt.account))) return { admitted: true, blocksStarted, refund };

  await limits.tries.reward(triesKey);
  // When the block ends, or when the trickle slot is free for sure: never the moment it frees.
  const retryAfterSeconds = firstTry
    ? Math.min(onAccount.retryAfterSeconds, limits.trickle.longestHoldSeconds)
    : onAccount.retryAfterSeconds;
  return { admitted: false, blocksStarted, retryAfterSeconds };
}

function started(dimension: BlockStart["dimension"], refusal: Refusal): BlockStart[] {
  return refusal.startedBlock ? [{ dimension, ...refusal.startedBlock }] : [];
}
