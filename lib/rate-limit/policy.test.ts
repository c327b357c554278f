import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedStore } from "@/test/support/shared-store";
import {
  blockSeconds,
  FailureThrottle,
  type LimiterFactory,
  type Refusal,
  type Reservation,
  type Rule,
} from "./policy";

const rule: Rule = { freeFailures: 3, windowSeconds: 60, baseBlockSeconds: 10, maxBlockSeconds: 35 };

// The memory store reads Date.now and expires keys with setTimeout: both follow the fake clock.
beforeEach(() => vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: 1_800_000_000_000 }));
afterEach(() => vi.useRealTimers());

function throttle(store: LimiterFactory = sharedStore()): FailureThrottle {
  return new FailureThrottle("test", rule, store);
}

async function takeTimes(t: FailureThrottle, key: string, times: number): Promise<Array<Reservation | Refusal>> {
  const results: Array<Reservation | Refusal> = [];
  for (let i = 0; i < times; i++) results.push(await t.take(key));
  return results;
}

const granted = (results: Array<Reservation | Refusal>) => results.filter((result) => result.granted).length;
const refused = (result: Reservation | Refusal): Refusal => {
  if (result.granted) throw new Error("expected a refusal");
  return result;
};

describe("blockSeconds", () => {
  it("doubles with each block and stops at the maximum", () => {
    expect([1, 2, 3, 4, 50].map((n) => blockSeconds(rule, n))).toEqual([10, 20, 35, 35, 35]);
  });
});

describe("FailureThrottle", () => {
  it("grants the free attempts, then refuses; the refusal that found them spent started the block", async () => {
    const t = throttle();
    expect(granted(await takeTimes(t, "a", 3))).toBe(3);
    expect(refused(await t.take("a"))).toEqual({
      granted: false,
      retryAfterSeconds: 10,
      startedBlock: { seconds: 10, number: 1 },
    });
    vi.advanceTimersByTime(4000);
    expect(refused(await t.take("a"))).toEqual({ granted: false, retryAfterSeconds: 6, startedBlock: null });
  });

  it("of many calls at once, on instances sharing a store, grants exactly the attempts left and starts one block", async () => {
    const store = sharedStore();
    const instances = [throttle(store), throttle(store)];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => instances[i % 2].take("k")));
    expect(granted(results)).toBe(rule.freeFailures);
    const starts = results.filter((result) => !result.granted && result.startedBlock !== null);
    expect(starts).toHaveLength(1);
  });

  it("blocks for longer each time the key runs out again, and lets it try again in between", async () => {
    const t = throttle();
    for (const expected of [10, 20, 35]) {
      await takeTimes(t, "k", rule.freeFailures);
      expect(refused(await t.take("k")).startedBlock?.seconds).toBe(expected);
      vi.advanceTimersByTime(expected * 1000 + 1);
      expect((await t.take("k")).granted).toBe(true);
      vi.advanceTimersByTime(rule.windowSeconds * 1000);
    }
  });

  it("keeps keys apart: one address or account running out does not block another", async () => {
    const t = throttle();
    await takeTimes(t, "attacker", 4);
    expect((await t.take("attacker")).granted).toBe(false);
    expect((await t.take("someone-else")).granted).toBe(true);
  });

  it("a refund hands the point back, so an attempt that succeeded does not count", async () => {
    const t = throttle();
    const [first] = await takeTimes(t, "a", 3);
    if (!first.granted) throw new Error("expected a reservation");
    await t.refund(first);
    expect((await t.take("a")).granted).toBe(true);
    expect((await t.take("a")).granted).toBe(false);
  });

  it("refunds of attempts still in flight when the block started do not end it early", async () => {
    const store = sharedStore();
    const t = throttle(store);
    const held = (await takeTimes(t, "a", 3)).filter((result): result is Reservation => result.granted);
    expect(refused(await t.take("a")).startedBlock).not.toBeNull();
    for (const reservation of held) await t.refund(reservation);
    // Another instance, which knows only what the store says.
    expect(refused(await throttle(store).take("a"))).toEqual({
      granted: false,
      retryAfterSeconds: 10,
      startedBlock: null,
    });
  });

  it("skips a refund whose window has ended: it would hand out an extra attempt in the next one", async () => {
    const t = throttle();
    const [early] = await takeTimes(t, "a", 1);
    if (!early.granted) throw new Error("expected a reservation");
    vi.advanceTimersByTime(rule.windowSeconds * 1000 + 1);
    await t.refund(early);
    expect(granted(await takeTimes(t, "a", rule.freeFailures + 1))).toBe(rule.freeFailures);
  });

  it("knows of a block only once this process has seen it", async () => {
    const t = throttle();
    await takeTimes(t, "a", 3);
    expect(t.knownBlock("a")).toBe(0);
    await t.take("a");
    expect(t.knownBlock("a")).toBe(10);
    expect(t.knownBlock("b")).toBe(0);
    vi.advanceTimersByTime(10_001);
    expect(t.knownBlock("a")).toBe(0);
  });

  it("refuses a key it knows to be blocked without asking the store", async () => {
    const t = throttle();
    await takeTimes(t, "a", 4);
    const consume = vi.spyOn(RateLimiterMemory.prototype, "consume");
    try {
      expect((await t.take("a")).granted).toBe(false);
      expect(consume).not.toHaveBeenCalled();
    } finally {
      consume.mockRestore();
    }
  });
});
