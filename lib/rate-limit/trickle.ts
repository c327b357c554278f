// One slot per key, held for a random while after each use: while an account is blocked, this is how an address
// that has not been guessing still gets a password checked now and then (lib/rate-limit/password-gate.ts).
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { LimiterFactory } from "./policy";

export class Trickle {
  private readonly slots: RateLimiterAbstract;

  constructor(
    name: string,
    private readonly seconds: number,
    makeLimiter: LimiterFactory,
    private readonly random: () => number = Math.random,
  ) {
    this.slots = makeLimiter({ keyPrefix: `${name}:t`, points: 1, duration: this.longestHoldSeconds });
  }

  /** Whoever is refused and comes back after this many seconds finds the slot free, unless someone else took it. */
  get longestHoldSeconds(): number {
    return 2 * this.seconds;
  }

  /**
   * Takes the key's slot if it is free, atomically in the store. It is then held for a random time between the
   * interval and twice it, so that whoever took it cannot tell the moment it frees again.
   */
  async take(key: string): Promise<boolean> {
    try {
      await this.slots.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
    await this.slots.set(key, 1, this.seconds * (1 + this.random()));
    return true;
  }
}
