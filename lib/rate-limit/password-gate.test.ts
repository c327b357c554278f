import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedStore } from "@/test/support/shared-store";
import { admitPasswordAttempt, type Gate, type PasswordLimits } from "./password-gate";
import { FailureThrottle, type LimiterFactory, type Rule } from "./policy";
import { Trickle } from "./trickle";

const window = { windowSeconds: 900, baseBlockSeconds: 300, maxBlockSeconds: 300 };
const addressRule: Rule = { ...window, freeFailures: 20 };
const accountRule: Rule = { ...window, freeFailures: 5 };
const TRICKLE_SECONDS = 60;

// The memory store reads Date.now and expires keys with setTimeout: both follow the fake clock.
beforeEach(() => vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: 1_800_000_000_000 }));
afterEach(() => vi.useRealTimers());

/** The limits of one instance over a store that several instances may share, as they share PostgreSQL. */
function limitsOver(store: LimiterFactory, random = () => 0.5): PasswordLimits {
  return {
    address: new FailureThrottle("pw-address", addressRule, store),
    account: new FailureThrottle("pw-account", accountRule, store),
    tries: store({ keyPrefix: "pw-tries", points: 1, duration: accountRule.windowSeconds }),
    trickle: new Trickle("pw-account", TRICKLE_SECONDS, store, random),
  };
}

let familiar = new Set<string>();
function attempt(limits: PasswordLimits, address: string, account = "owner@example.test"): Promise<Gate> {
  return admitPasswordAttempt(limits, { address, account, isFamiliar: async () => familiar.has(address) });
}

const admitted = (gates: Gate[]) => gates.filter((gate) => gate.admitted).length;

/** Wrong passwords from one address until the account is blocked (the gates are not refunded: they failed). */
async function blockAccount(limits: PasswordLimits, from: string): Promise<void> {
  for (let i = 0; i < accountRule.freeFailures; i++) expect((await attempt(limits, from)).admitted).toBe(true);
  expect((await attempt(limits, from)).admitted).toBe(false);
}

beforeEach(() => {
  familiar = new Set();
});

describe("admitPasswordAttempt", () => {
  it("lets exactly the account's free failures through of a burst from one address, on two instances", async () => {
    const store = sharedStore();
    const instances = [limitsOver(store), limitsOver(store)];
    const gates = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(instances[i % 2], "6.6.6.6")));
    expect(admitted(gates)).toBe(accountRule.freeFailures);
    const starts = gates.flatMap((gate) => gate.blocksStarted.map((block) => block.dimension)).sort();
    expect(starts).toEqual(["password-account", "password-address"]);
  });

  it("from many new addresses at once, lets the free failures and one trickle attempt through", async () => {
    const limits = limitsOver(sharedStore());
    const gates = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(limits, `10.0.0.${i}`)));
    expect(admitted(gates)).toBe(accountRule.freeFailures + 1);
  });

  it("while the account is blocked: the guessing address is refused, a familiar one is let through", async () => {
    const limits = limitsOver(sharedStore());
    await blockAccount(limits, "6.6.6.6");
    familiar.add("1.1.1.1");
    for (let i = 0; i < 3; i++) expect((await attempt(limits, "1.1.1.1")).admitted).toBe(true);
    const refused = await attempt(limits, "6.6.6.6");
    expect(refused).toMatchObject({ admitted: false, blocksStarted: [] });
  });

  it("while the account is blocked: a new address gets one attempt per trickle slot, never told when it frees", async () => {
    const limits = limitsOver(sharedStore(), () => 0.25);
    await blockAccount(limits, "6.6.6.6");
    expect((await attempt(limits, "7.7.7.7")).admitted).toBe(true);
    expect((await attempt(limits, "7.7.7.7")).admitted).toBe(false); // its one attempt is spent
    const waiting = await attempt(limits, "8.8.8.8");
    expect(waiting).toEqual({ admitted: false, blocksStarted: [], retryAfterSeconds: 2 * TRICKLE_SECONDS });
    // Held for 1.25 times the interval here: free again once that has passed, for an address that was refused.
    vi.advanceTimersByTime(1.25 * TRICKLE_SECONDS * 1000 - 1000);
    expect((await attempt(limits, "8.8.8.8")).admitted).toBe(false);
    vi.advanceTimersByTime(1001);
    expect((await attempt(limits, "8.8.8.8")).admitted).toBe(true);
  });

  it("a refund hands back the attempt: a right password does not count against the address or the account", async () => {
    const limits = limitsOver(sharedStore());
    for (let i = 0; i < 30; i++) {
      const gate = await attempt(limits, "1.1.1.1");
      if (!gate.admitted) throw new Error(`refused after ${i} right passwords`);
      await gate.refund();
    }
  });

  it("counts attempts the account refuses against the address", async () => {
    const limits = limitsOver(sharedStore());
    await blockAccount(limits, "6.6.6.6"); // the account's free failures, and one refused
    for (let used = accountRule.freeFailures + 1; used < addressRule.freeFailures; used++) {
      expect(await attempt(limits, "6.6.6.6")).toMatchObject({ admitted: false, blocksStarted: [] });
    }
    const blocked = await attempt(limits, "6.6.6.6");
    expect(blocked.blocksStarted.map((block) => block.dimension)).toEqual(["password-address"]);
  });
});
