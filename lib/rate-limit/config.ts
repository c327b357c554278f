// The throttling rules, from RATE_LIMIT_* environment variables with production defaults (README).
import type { Rule } from "./policy";

export type RateLimitConfig = {
  passwordAddress: Rule;
  passwordAccount: Rule;
  tokenAddress: Rule;
  /**
   * While an account is blocked, a new address may still have one password checked per this many seconds at
   * least (the slot is held for a random time between this and twice it), so the owner is never locked out.
   */
  accountTrickleSeconds: number;
  /** Requests per minute and address to the credential-free revoke endpoint (every request counts). */
  revokePerMinute: number;
};

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  const windowSeconds = positive(env, "RATE_LIMIT_WINDOW_SECONDS", 900);
  const baseBlockSeconds = positive(env, "RATE_LIMIT_BLOCK_SECONDS", 30);
  const maxBlockSeconds = positive(env, "RATE_LIMIT_MAX_BLOCK_SECONDS", 3600);
  const block = { windowSeconds, baseBlockSeconds, maxBlockSeconds };
  return {
    passwordAddress: { ...block, freeFailures: positive(env, "RATE_LIMIT_ADDRESS_FAILURES", 20) },
    // An account's block stays short, so its owner is not locked out for long by someone else's guessing.
    passwordAccount: {
      ...block,
      freeFailures: positive(env, "RATE_LIMIT_ACCOUNT_FAILURES", 5),
      maxBlockSeconds: Math.min(maxBlockSeconds, positive(env, "RATE_LIMIT_ACCOUNT_MAX_BLOCK_SECONDS", 300)),
    },
    tokenAddress: { ...block, freeFailures: positive(env, "RATE_LIMIT_TOKEN_FAILURES", 50) },
    accountTrickleSeconds: positive(env, "RATE_LIMIT_ACCOUNT_TRICKLE_SECONDS", 60),
    revokePerMinute: positive(env, "RATE_LIMIT_REVOKE_PER_MINUTE", 30),
  };
}
