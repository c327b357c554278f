// The throttling rules, from the RATE_LIMIT_* settings (lib/env.ts; production defaults in the README).
import { env, type Env } from "@/lib/env";
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

export function rateLimitConfig(settings: Env = env()): RateLimitConfig {
  const block = {
    windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
    baseBlockSeconds: settings.RATE_LIMIT_BLOCK_SECONDS,
    maxBlockSeconds: settings.RATE_LIMIT_MAX_BLOCK_SECONDS,
  };
  return {
    passwordAddress: { ...block, freeFailures: settings.RATE_LIMIT_ADDRESS_FAILURES },
    // An account's block stays short, so its owner is not locked out for long by someone else's guessing.
    passwordAccount: {
      ...block,
      freeFailures: settings.RATE_LIMIT_ACCOUNT_FAILURES,
      maxBlockSeconds: Math.min(block.maxBlockSeconds, settings.RATE_LIMIT_ACCOUNT_MAX_BLOCK_SECONDS),
    },
    tokenAddress: { ...block, freeFailures: settings.RATE_LIMIT_TOKEN_FAILURES },
    accountTrickleSeconds: settings.RATE_LIMIT_ACCOUNT_TRICKLE_SECONDS,
    revokePerMinute: settings.RATE_LIMIT_REVOKE_PER_MINUTE,
  };
}
