import "server-only";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { rateLimitPool } from "@/lib/db/rate-limit-pool";
import { tooManyAttempts } from "@/lib/errors";
import { rateLimitConfig } from "./config";
import type { PasswordLimits } from "./password-gate";
import { FailureThrottle, type LimiterFactory } from "./policy";
import { SharedLater } from "./shared-later";
import { Trickle } from "./trickle";

export type Throttles = {
  password: PasswordLimits;
  /** Well-formed invalid tokens: counted here at once, shared with other instances in batches. */
  tokenAddress: SharedLater;
  revokeAddress: RateLimiterAbstract;
  /** Malformed tokens, counted in this process only (lib/auth/throttle.ts says why). */
  malformedTokenAddress: FailureThrottle;
  /** Writes refused to a read-only token, per token and in this process: only a burst is an event. */
  tokenScope: FailureThrottle;
};

// SQLite means one instance: counting in memory is enough. PostgreSQL may serve several instances, so
// they share their counts in the rate_limits table (created by our migrations, hence tableCreated). While
// the database is unreachable each instance counts in memory instead (the insurance limiter), so an
// invalid token still gets its 401 rather than a 503 from the limiter.
const inMemory: LimiterFactory = (options) => new RateLimiterMemory(options);

function limiterFactory(): LimiterFactory {
  const pool = rateLimitPool();
  if (!pool) return inMemory;
  return (options) =>
    new RateLimiterPostgres({
      ...options,
      storeClient: pool,
      tableName: "rate_limits",
      tableCreated: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}

function createThrottles(): Throttles {
  const rules = rateLimitConfig();
  const factory = limiterFactory();
  return {
    password: {
      address: new FailureThrottle("pw-address", rules.passwordAddress, factory),
      account: new FailureThrottle("pw-account", rules.passwordAccount, factory),
      tries: factory({ keyPrefix: "pw-tries", points: 1, duration: rules.passwordAccount.windowSeconds }),
      trickle: new Trickle("pw-account", rules.accountTrickleSeconds, factory),
    },
    tokenAddress: new SharedLater(
      new FailureThrottle("token-address", rules.tokenAddress, inMemory),
      rateLimitPool() ? new FailureThrottle("token-address", rules.tokenAddress, factory) : null,
    ),
    revokeAddress: factory({ keyPrefix: "revoke-address", points: rules.revokePerMinute, duration: 60 }),
    malformedTokenAddress: new FailureThrottle("malformed-token-address", rules.tokenAddress, inMemory),
    tokenScope: new FailureThrottle("token-scope", rules.tokenAddress, inMemory),
  };
}

// One set per process; the global survives module reloads in development.
const globalForThrottles = globalThis as unknown as { tesseraThrottles?: Throttles };
export function throttles(): Throttles {
  return (globalForThrottles.tesseraThrottles ??= createThrottles());
}

/** Counts one request to the credential-free revoke endpoint against the address; throws the 429 when over. */
export async function limitRevokeRequests(address: string): Promise<void> {
  try {
    await throttles().revokeAddress.consume(address);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw tooManyAttempts(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
  }
}
