import { describe, expect, test } from "vitest";
import type { Figures } from "@/bench/measure";
import { median, targets, type Round } from "@/bench/report";

function figures(name: string, requestsPerSecond: number, p99Ms: number, peakRssMb = 200): Figures {
  return {
    name,
    expectStatus: 200,
    connections: 16,
    requestsPerSecond,
    p50Ms: 1,
    p99Ms,
    requests: requestsPerSecond * 10,
    unexpectedStatus: 0,
    errors: 0,
    peakRssMb,
    cpuMsPerRequest: 1000 / requestsPerSecond,
  };
}

function round(n: number, current: number, listP99: number, peak = 200): Round {
  return {
    round: n,
    rssAfterMb: peak,
    scenarios: [
      figures("healthz", 1000, 50, peak),
      figures("people/current", current, 60, peak),
      figures("people/current malformed", 1200, 40, peak),
      figures("list 10k (first page)", 300, listP99, peak),
      figures("list 10k, 1 connection", 250, 10, peak),
    ],
  };
}

describe("median", () => {
  test("of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("bench targets", () => {
  test("take each ratio within a round and the median over rounds, keeping every round's value", () => {
    const result = targets("sqlite", [round(1, 950, 90), round(2, 700, 150), round(3, 920, 95)]);
    expect(result.peopleCurrentVsHealthzThroughput).toEqual({
      value: 0.92,
      target: ">= 0.9",
      met: true,
      rounds: [0.95, 0.7, 0.92],
    });
    expect(result.listFirstPageP99Ms).toMatchObject({ value: 95, met: true, rounds: [90, 150, 95] });
    expect(result.peopleCurrentVsHealthzP99).toMatchObject({ value: 1.2, met: true });
    expect(result.malformedVsHealthzThroughput).toMatchObject({ value: 1.2, met: true });
  });

  test("use the PostgreSQL line for PostgreSQL, and miss when the median misses", () => {
    const result = targets("postgresql", [round(1, 850, 120), round(2, 750, 130), round(3, 790, 90)]);
    expect(result.peopleCurrentVsHealthzThroughput).toMatchObject({ value: 0.79, target: ">= 0.8", met: false });
    expect(result.listFirstPageP99Ms).toMatchObject({ value: 120, met: false });
  });

  test("memory: the peak of all rounds, and growth from the first round to the last", () => {
    const result = targets("sqlite", [round(1, 950, 90, 250), round(2, 950, 90, 400), round(3, 950, 90, 270)]);
    expect(result.peakRssMb).toEqual({ value: 400, target: "< 350", met: false });
    expect(result.rssGrowthBetweenIdenticalRoundsMb).toMatchObject({ value: 20, met: false });
  });

  test("say so when a scenario is missing", () => {
    const partial = round(1, 950, 90);
    partial.scenarios.pop();
    expect(targets("sqlite", [partial])).toEqual({ note: "a scenario is missing" });
  });
});

describe("forward-auth targets", () => {
  function withVerify(n: number, verify: number, unknown: number, ceiling: number, p99 = 5): Round {
    const base = round(n, 950, 90);
    base.scenarios.push(
      figures("auth/verify", verify, p99),
      figures("auth/verify unknown", unknown, p99),
      figures("ceiling (node:http)", ceiling, 2),
      figures("peer healthz", 1800, 20),
      figures("peer people/current", 450, 30),
    );
    return base;
  }

  test("verify against healthz, the ceiling and itself with an unknown token; people/current against the peer", () => {
    const result = targets("sqlite", [withVerify(1, 6000, 6500, 20000), withVerify(2, 4000, 3900, 20000)]);
    expect(result.verifyVsHealthzThroughput).toMatchObject({ value: 5, met: true, rounds: [6, 4] });
    expect(result.verifyVsCeilingThroughput).toMatchObject({ value: 0.25, met: true, rounds: [0.3, 0.2] });
    expect(result.verifyUnknownVsValidThroughput).toMatchObject({ rounds: [1.08, 0.98], met: true });
    expect(result.verifyP99Ms).toMatchObject({ value: 5, met: true });
    expect(result.peopleCurrentVsPeerTokenRoute).toMatchObject({ value: 2.11, met: true });
  });

  test("no forward-auth targets when the run did not measure them", () => {
    const result = targets("sqlite", [round(1, 950, 90)]);
    expect(result).not.toHaveProperty("verifyVsHealthzThroughput");
    expect(result).not.toHaveProperty("verifyVsCeilingThroughput");
    expect(result).not.toHaveProperty("peopleCurrentVsPeerTokenRoute");
  });
});
