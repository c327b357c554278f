import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { blockSeconds, FailureThrottle, type Rule } from "./policy";

const rule: Rule = { freeFailures: 3, windowSeconds: 60, baseBlockSeconds: 10, maxBlockSeconds: 35 };

function throttle(name = "test"): FailureThrottle {
  return new FailureThrottle(name, rule, (options) => new RateLimiterMemory(options));
}

async function failTimes(t: FailureThrottle, key: string, times: number): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < times; i++) results.push(await t.fail(key));
  return results;
}

describe("blockSeconds", () => {
  it("doubles with each block and stops at the maximum", () => {
    expect([1, 2, 3, 4, 50].map((n) => blockSeconds(rule, n))).toEqual([10, 20, 35, 35, 35]);
  });
});

describe("FailureThrottle", () => {
  it("allows the free failures, then blocks with a Retry-After", async () => {
    const t = throttle();
    expect(await failTimes(t, "a", 3)).toEqual([0, 0, 0]);
    expect(await t.retryAfter("a")).toBe(0);
    expect(await t.fail("a")).toBe(10);
    expect(await t.retryAfter("a")).toBeGreaterThan(0);
    expect(await t.retryAfter("a")).toBeLessThanOrEqual(10);
  });

  it("blocks for longer each time the key runs out again", async () => {
    let now = 1_000_000;
    const t = new FailureThrottle(
      "grow",
      { ...rule, baseBlockSeconds: 1, maxBlockSeconds: 8 },
      (options) => new RateLimiterMemory(options),
      () => now,
    );
    expect((await failTimes(t, "k", 4)).at(-1)).toBe(1);
    // After the block ends (real time for the memory store), the next burst blocks for twice as long.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    now += 1100;
    expect(await t.retryAfter("k")).toBe(0);
    expect((await failTimes(t, "k", 4)).at(-1)).toBe(2);
  });

  it("keeps keys apart: one address or account failing does not block another", async () => {
    const t = throttle();
    await failTimes(t, "attacker", 4);
    expect(await t.retryAfter("attacker")).toBeGreaterThan(0);
    expect(await t.retryAfter("someone-else")).toBe(0);
    expect(await t.fail("someone-else")).toBe(0);
  });

  it("forgets a key's failures and blocks on reset (a success)", async () => {
    const t = throttle();
    await failTimes(t, "a", 4);
    await t.reset("a");
    expect(await t.retryAfter("a")).toBe(0);
    expect(await failTimes(t, "a", 4)).toEqual([0, 0, 0, 10]);
  });

  it("knows of a block only once this process has seen it", async () => {
    const t = throttle();
    await failTimes(t, "a", 3);
    expect(t.knownBlock("a")).toBe(0);
    await t.fail("a");
    expect(t.knownBlock("a")).toBeGreaterThan(0);
    expect(t.knownBlock("b")).toBe(0);
    await t.reset("a");
    expect(t.knownBlock("a")).toBe(0);
  });

  it("refuses a blocked key from its in-process cache without asking the store", async () => {
    const t = throttle();
    await failTimes(t, "a", 4);
    const get = RateLimiterMemory.prototype.get;
    let calls = 0;
    RateLimiterMemory.prototype.get = function (...args) {
      calls++;
      return get.apply(this, args);
    };
    try {
      expect(await t.retryAfter("a")).toBeGreaterThan(0);
      expect(calls).toBe(0);
    } finally {
      RateLimiterMemory.prototype.get = get;
    }
  });
});
