import fc from "fast-check";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runs } from "@/test/support/fast-check";
import { blockSeconds, FailureThrottle, type Rule } from "./policy";

const rule: fc.Arbitrary<Rule> = fc
  .record({
    freeFailures: fc.integer({ min: 1, max: 30 }),
    windowSeconds: fc.integer({ min: 1, max: 3600 }),
    baseBlockSeconds: fc.integer({ min: 1, max: 600 }),
    maxBlockSeconds: fc.integer({ min: 1, max: 86_400 }),
  })
  .filter((r) => r.maxBlockSeconds >= r.baseBlockSeconds);
/** Any block number, the absurd ones included: zero, negative, past 2^30, not even whole. */
const blockNumber = fc.oneof(fc.integer({ min: -5, max: 100 }), fc.integer(), fc.double({ noNaN: true }));

describe("blockSeconds (properties)", () => {
  it("is positive, capped at maxBlockSeconds, and the first block is the base", () => {
    fc.assert(
      fc.property(rule, blockNumber, (r, n) => {
        const seconds = blockSeconds(r, n);
        expect(Number.isFinite(seconds)).toBe(true);
        expect(seconds).toBeGreaterThanOrEqual(r.baseBlockSeconds);
        expect(seconds).toBeLessThanOrEqual(r.maxBlockSeconds);
        expect(blockSeconds(r, 1)).toBe(r.baseBlockSeconds);
      }),
      runs(500),
    );
  });

  it("never shrinks as blocks repeat, and doubles until it reaches the cap", () => {
    fc.assert(
      fc.property(rule, fc.integer({ min: 1, max: 60 }), (r, n) => {
        const now = blockSeconds(r, n);
        const next = blockSeconds(r, n + 1);
        expect(next).toBeGreaterThanOrEqual(now);
        expect(next).toBe(Math.min(now * 2, r.maxBlockSeconds));
      }),
      runs(500),
    );
  });
});

describe("FailureThrottle (properties, with a fake clock)", () => {
  // The memory store reads Date.now and expires keys with setTimeout: both follow the fake clock.
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: 1_800_000_000_000 }));
  afterEach(() => vi.useRealTimers());

  const throttle = (r: Rule) =>
    new FailureThrottle(
      "prop",
      r,
      (options) => new RateLimiterMemory(options),
      () => Date.now(),
    );

  it("blocks after exactly freeFailures, for blockSeconds, and lets the key try again afterwards", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.string({ minLength: 1, maxLength: 20 }), async (r, key) => {
        const t = throttle(r);
        for (let i = 0; i < r.freeFailures; i++) {
          expect(await t.fail(key)).toBe(0);
          expect(await t.retryAfter(key)).toBe(0);
        }
        const blocked = await t.fail(key);
        expect(blocked).toBe(blockSeconds(r, 1));
        expect(await t.retryAfter(key)).toBe(blocked);
        vi.advanceTimersByTime(blocked * 1000 + 1);
        expect(await t.retryAfter(key)).toBe(0);
      }),
      runs(100),
    );
  });

  it("keeps Retry-After positive and counting down while blocked", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 8 }), async (r, steps) => {
        const t = throttle(r);
        for (let i = 0; i <= r.freeFailures; i++) await t.fail("k");
        const until = Date.now() + blockSeconds(r, 1) * 1000;
        let previous = Number.POSITIVE_INFINITY;
        for (const ms of steps) {
          vi.advanceTimersByTime(ms);
          const left = await t.retryAfter("k");
          if (Date.now() < until) {
            expect(left).toBeGreaterThan(0);
            expect(left).toBe(Math.ceil((until - Date.now()) / 1000));
            expect(left).toBeLessThanOrEqual(previous);
            previous = left;
          } else {
            expect(left).toBe(0);
          }
        }
      }),
      runs(100),
    );
  });

  it("reset clears the count and the block, and affects no other key", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.nat({ max: 40 }), async (r, failures) => {
        const t = throttle(r);
        for (let i = 0; i < failures; i++) await t.fail("a");
        for (let i = 0; i <= r.freeFailures; i++) await t.fail("b");
        await t.reset("a");
        expect(await t.retryAfter("a")).toBe(0);
        for (let i = 0; i < r.freeFailures; i++) expect(await t.fail("a")).toBe(0);
        expect(await t.fail("a")).toBe(blockSeconds(r, 1));
        expect(await t.retryAfter("b")).toBeGreaterThan(0);
      }),
      runs(100),
    );
  });

  it("repeated blocks within a day grow as blockSeconds says", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.integer({ min: 1, max: 5 }), async (r, rounds) => {
        const t = throttle(r);
        for (let n = 1; n <= rounds; n++) {
          let blocked = 0;
          for (let i = 0; i <= r.freeFailures; i++) blocked = await t.fail("k");
          expect(blocked).toBe(blockSeconds(r, n));
          vi.advanceTimersByTime(blocked * 1000 + 1);
        }
      }),
      runs(50),
    );
  });
});
