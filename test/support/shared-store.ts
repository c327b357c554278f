import { RateLimiterMemory } from "rate-limiter-flexible";
import type { LimiterFactory } from "@/lib/rate-limit/policy";

/** One memory store that several throttles share, as instances share PostgreSQL (for the throttles' unit tests). */
export function sharedStore(): LimiterFactory {
  const limiters = new Map<string, RateLimiterMemory>();
  return (options) => {
    const limiter = limiters.get(options.keyPrefix) ?? new RateLimiterMemory(options);
    limiters.set(options.keyPrefix, limiter);
    return limiter;
  };
}
