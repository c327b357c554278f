// Failure throttling with growing delays, on rate-limiter-flexible. Pure of any store: the limiters are
// made by a factory, so unit tests use memory and the app uses PostgreSQL when several instances share it.
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type Rule = {
  /** Failures allowed within the window before the key is blocked. */
  freeFailures: number;
  windowSeconds: number;
  /** The first block; each further block within a day doubles it, up to maxBlockSeconds. */
  baseBlockSeconds: number;
  maxBlockSeconds: number;
};

export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

const DAY_SECONDS = 86_400;

export function blockSeconds(rule: Rule, blockNumber: number): number {
  const growth = 2 ** Math.min(Math.max(blockNumber - 1, 0), 30);
  return Math.min(rule.baseBlockSeconds * growth, rule.maxBlockSeconds);
}

/** One dimension (say, password failures per address): counts failures per key and blocks for growing periods. */
export class FailureThrottle {
  private readonly failures: RateLimiterAbstract;
  private readonly blocks: RateLimiterAbstract;
  // Keys known to be blocked, until when (ms): a blocked key is refused without a store round-trip.
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    name: string,
    private readonly rule: Rule,
    makeLimiter: LimiterFactory,
    private readonly now: () => number = Date.now,
  ) {
    this.failures = makeLimiter({ keyPrefix: `${name}:f`, points: rule.freeFailures, duration: rule.windowSeconds });
    this.blocks = makeLimiter({ keyPrefix: `${name}:b`, points: Number.MAX_SAFE_INTEGER, duration: DAY_SECONDS });
  }

  /** Seconds until the key may try again; 0 when it is not blocked. */
  async retryAfter(key: string): Promise<number> {
    const cached = this.cachedRetryAfter(key);
    if (cached > 0) return cached;
    const state = await this.failures.get(key);
    if (!state || state.consumedPoints <= this.rule.freeFailures) return 0;
    return this.remember(key, state.msBeforeNext);
  }

  /** Counts one failure; returns the seconds the key is now blocked for, or 0 while it has failures to spare. */
  async fail(key: string): Promise<number> {
    try {
      await this.failures.consume(key);
      return 0;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
    const { consumedPoints } = await this.blocks.penalty(key);
    const seconds = blockSeconds(this.rule, consumedPoints);
    await this.failures.block(key, seconds);
    return this.remember(key, seconds * 1000);
  }

  /** Forgets the key's failures and blocks (after a success). */
  async reset(key: string): Promise<void> {
    this.blockedUntil.delete(key);
    await Promise.all([this.failures.delete(key), this.blocks.delete(key)]);
  }

  /** Seconds left of a block this process already knows of, without asking the store; 0 otherwise. */
  knownBlock(key: string): number {
    return this.cachedRetryAfter(key);
  }

  private cachedRetryAfter(key: string): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until > this.now()) return Math.ceil((until - this.now()) / 1000);
    this.blockedUntil.delete(key);
    return 0;
  }

  private remember(key: string, ms: number): number {
    this.blockedUntil.set(key, this.now() + ms);
    // Keep the cache small: drop entries that have run out.
    if (this.blockedUntil.size > 10_000) {
      for (const [cachedKey, until] of this.blockedUntil) if (until <= this.now()) this.blockedUntil.delete(cachedKey);
    }
    return Math.max(1, Math.ceil(ms / 1000));
  }
}
