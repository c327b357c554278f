import fc from "fast-check";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runs } from "@/test/support/fast-check";
import { blockSeconds, FailureThrottle, type Reservation, type Rule } from "./policy";

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

  const throttle = (r: Rule) => new FailureThrottle("prop", r, (options) => new RateLimiterMemory(options));

  it("grants exactly freeFailures, then blocks for blockSeconds, and grants again afterwards", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.string({ minLength: 1, maxLength: 20 }), async (r, key) => {
        const t = throttle(r);
        for (let i = 0; i < r.freeFailures; i++) expect((await t.take(key)).granted).toBe(true);
        const blocked = await t.take(key);
        expect(blocked).toEqual({
          granted: false,
          retryAfterSeconds: blockSeconds(r, 1),
          startedBlock: { seconds: blockSeconds(r, 1), number: 1 },
        });
        vi.advanceTimersByTime(blockSeconds(r, 1) * 1000 + 1);
        expect((await t.take(key)).granted).toBe(true);
      }),
      runs(100),
    );
  });

  it("keeps Retry-After positive and counting down while blocked", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 8 }), async (r, steps) => {
        const t = throttle(r);
        for (let i = 0; i <= r.freeFailures; i++) await t.take("k");
        const until = Date.now() + blockSeconds(r, 1) * 1000;
        let previous = Number.POSITIVE_INFINITY;
        for (const ms of steps) {
          vi.advanceTimersByTime(ms);
          if (Date.now() >= until) break;
          const refusal = await t.take("k");
          if (refusal.granted) throw new Error("granted while blocked");
          expect(refusal.retryAfterSeconds).toBe(Math.ceil((until - Date.now()) / 1000));
          expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(previous);
          previous = refusal.retryAfterSeconds;
        }
      }),
      runs(100),
    );
  });

  it("never has more than freeFailures points out at once, whatever the interleaving of takes and refunds", async () => {
    // Each step takes a batch of points at once, then refunds some of those held (the right passwords).
    const step = fc.record({ takes: fc.integer({ min: 0, max: 12 }), refunds: fc.integer({ min: 0, max: 12 }) });
    await fc.assert(
      fc.asyncProperty(rule, fc.array(step, { maxLength: 10 }), async (r, steps) => {
        const t = throttle({ ...r, windowSeconds: 3600 });
        const held: Reservation[] = [];
        let blocked = false;
        for (const { takes, refunds } of steps) {
          const wasBlocked = blocked;
          const results = await Promise.all(Array.from({ length: takes }, () => t.take("k")));
          for (const result of results) {
            if (result.granted) held.push(result);
            else blocked = true;
          }
          expect(held.length).toBeLessThanOrEqual(r.freeFailures);
          // Once blocked, nothing more is granted until the block ends (the clock does not move here).
          if (wasBlocked) expect(results.every((result) => !result.granted)).toBe(true);
          for (const reservation of held.splice(0, refunds)) await t.refund(reservation);
        }
      }),
      runs(100),
    );
  });

  it("repeated blocks within a day grow as blockSeconds says", async () => {
    await fc.assert(
      fc.asyncProperty(rule, fc.integer({ min: 1, max: 5 }), async (r, rounds) => {
        const t = throttle(r);
        for (let n = 1; n <= rounds; n++) {
          let last = await t.take("k");
          for (let i = 0; i < r.freeFailures; i++) last = await t.take("k");
          if (last.granted) throw new Error("granted past the allowance");
          expect(last.startedBlock).toEqual({ seconds: blockSeconds(r, n), number: n });
          vi.advanceTimersByTime(blockSeconds(r, n) * 1000 + 1);
        }
      }),
      runs(50),
    );
  });
});
