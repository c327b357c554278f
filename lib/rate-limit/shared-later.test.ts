import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedStore } from "@/test/support/shared-store";
import { FailureThrottle, type LimiterFactory, type Rule } from "./policy";
import { SharedLater } from "./shared-later";

const rule: Rule = { freeFailures: 3, windowSeconds: 60, baseBlockSeconds: 10, maxBlockSeconds: 35 };

beforeEach(() => vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: 1_800_000_000_000 }));
afterEach(() => vi.useRealTimers());

const inMemory: LimiterFactory = (options) => new RateLimiterMemory(options);

/** An instance: its own memory, and the store every instance shares. */
const instance = (store: LimiterFactory | null) =>
  new SharedLater(new FailureThrottle("t", rule, inMemory), store && new FailureThrottle("t", rule, store));

async function failures(counter: SharedLater, key: string, times: number): Promise<boolean[]> {
  const granted: boolean[] = [];
  for (let i = 0; i < times; i++) granted.push((await counter.take(key)).granted);
  return granted;
}

describe("SharedLater", () => {
  it("alone (SQLite): the limit holds at once, and the failure that passes it reports the block", async () => {
    const counter = instance(null);
    expect(await failures(counter, "a", 3)).toEqual([true, true, true]);
    const over = await counter.take("a");
    expect(over).toMatchObject({ granted: false, startedBlock: { seconds: 10, number: 1 } });
    expect(counter.knownBlock("a")).toBe(10);
    expect(await counter.flush()).toEqual([]);
  });

  it("each instance enforces the limit at once; the block it starts locally is not reported twice", async () => {
    const counter = instance(sharedStore());
    expect(await failures(counter, "a", 4)).toEqual([true, true, true, false]);
    expect(await counter.take("a")).toMatchObject({ granted: false, startedBlock: null });
  });

  it("two instances under the limit each, over it together: the flush that passes it starts one block, which the other learns", async () => {
    const store = sharedStore();
    const [first, second] = [instance(store), instance(store)];
    expect(await failures(first, "a", 2)).toEqual([true, true]);
    expect(await failures(second, "a", 2)).toEqual([true, true]);
    expect(await first.flush()).toEqual([]);
    const started = await second.flush();
    expect(started).toEqual([{ key: "a", block: { seconds: 10, number: 1 } }]);
    expect(second.knownBlock("a")).toBe(10);
    // The first instance learns of the block with its next failure's flush, never reporting it again.
    await first.take("a");
    expect(await first.flush()).toEqual([]);
    expect(first.knownBlock("a")).toBeGreaterThan(0);
  });

  it("a flush that fails keeps what it could not share for the next one", async () => {
    const store = sharedStore();
    const counter = instance(store);
    await failures(counter, "a", 2);
    await failures(counter, "b", 1);
    const shared = (counter as unknown as { shared: FailureThrottle }).shared;
    const take = vi.spyOn(shared, "take").mockRejectedValueOnce(new Error("the store is down"));
    await expect(counter.flush()).rejects.toThrow("the store is down");
    take.mockRestore();
    await failures(counter, "a", 2);
    // a: 2 from before and 2 now (4, over 3), b: 1
    expect(await counter.flush()).toEqual([{ key: "a", block: { seconds: 10, number: 1 } }]);
  });
});
