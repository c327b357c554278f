// Failure throttling with growing blocks, on rate-limiter-flexible. Pure of any store: the limiters are
// made by a factory, so unit tests use memory and the app uses PostgreSQL when several instances share it.
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type Rule = {
  /** Attempts that may fail within the window before the key is blocked. */
  freeFailures: number;
  windowSeconds: number;
  /** The first block; each further block within a day doubles it, up to maxBlockSeconds. */
  baseBlockSeconds: number;
  maxBlockSeconds: number;
};

export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

/** A point taken from a key's allowance; refund() hands it back when the attempt turns out not to count. */
export type Reservation = { granted: true; key: string; windowEndsAt: number };
/** The block a refusal started: its length, and which block of the key's day it is (1 for the first). */
export type StartedBlock = { seconds: number; number: number };
export type Refusal = { granted: false; retryAfterSeconds: number; startedBlock: StartedBlock | null };

const DAY_SECONDS = 86_400;
// A block sets the key's count to this mark, far above any limit, for the block's length: refunds of attempts
// that were in flight when it began cannot bring the count back under the limit, and a refusal can tell a block
// in force (a count near the mark) from one being started by another call (a count just over the limit).
const BLOCK_MARK = 1_000_000_000;
// A refund this close to the end of its window is skipped: it would land in the next window as an extra attempt.
const REFUND_MARGIN_MS = 1000;

export function blockSeconds(rule: Rule, blockNumber: number): number {
  const growth = 2 ** Math.min(Math.max(blockNumber - 1, 0), 30);
  return Math.min(rule.baseBlockSeconds * growth, rule.maxBlockSeconds);
}

/** One dimension (say, password attempts per address): an allowance per key, and growing blocks once it runs out. */
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

  /**
   * Takes points (one attempt, or several counted elsewhere first) of the key's allowance, atomically in the
   * store: of any number of calls at once, exactly the points left are granted. The call that finds the
   * allowance spent first starts the key's block.
   */
  async take(key: string, points = 1): Promise<Reservation | Refusal> {
    const known = this.knownBlock(key);
    if (known > 0) return { granted: false, retryAfterSeconds: known, startedBlock: null };
    try {
      const taken = await this.failures.consume(key, points);
      return { granted: true, key, windowEndsAt: this.now() + taken.msBeforeNext };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return this.refuse(key, rejection, points);
    }
  }

  /** Hands a point back (the attempt succeeded, or was never made). */
  async refund(reservation: Reservation): Promise<void> {
    if (this.now() < reservation.windowEndsAt - REFUND_MARGIN_MS) await this.failures.reward(reservation.key);
  }

  /** Seconds left of a block this process already knows of, without asking the store; 0 otherwise. */
  knownBlock(key: string): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until > this.now()) return Math.ceil((until - this.now()) / 1000);
    this.blockedUntil.delete(key);
    return 0;
  }

  private async refuse(key: string, rejection: RateLimiterRes, points: number): Promise<Refusal> {
    const refusal = (retryAfterSeconds: number, startedBlock: StartedBlock | null = null): Refusal => ({
      granted: false,
      retryAfterSeconds,
      startedBlock,
    });
    if (rejection.consumedPoints > BLOCK_MARK / 2) return refusal(this.remember(key, rejection.msBeforeNext));
    if (rejection.consumedPoints - points > this.rule.freeFailures) {
      // Another call is starting the block at this moment; its length is not known here.
      return refusal(Math.max(1, Math.ceil(Math.min(rejection.msBeforeNext / 1000, this.rule.maxBlockSeconds))));
    }
    const { consumedPoints: number } = await this.blocks.penalty(key);
    const seconds = blockSeconds(this.rule, number);
    await this.failures.set(key, BLOCK_MARK, seconds);
    return refusal(this.remember(key, seconds * 1000), { seconds, number });
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
