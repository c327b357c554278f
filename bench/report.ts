// The table printed after each round, and the targets computed from the figures of one run.
import type { Figures } from "./measure";

export type Round = { round: number; scenarios: Figures[]; rssAfterMb: number };

export function printTable(title: string, { scenarios, rssAfterMb }: Round): void {
  const header = ["scenario", "conns", "status", "req/s", "p50 ms", "p99 ms", "requests", "unexpected", "errors"];
  header.push("peak RSS MB", "CPU ms/req");
  const rows = scenarios.map((r) =>
    [r.name, r.connections, r.expectStatus, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.requests]
      .concat([r.unexpectedStatus, r.errors, r.peakRssMb, r.cpuMsPerRequest])
      .map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(`\n${title}: server RSS at the end ${rssAfterMb} MB`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ":" : "") + "-".repeat(w + 1) + (i === 0 ? "" : ":")).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

type Target = { value: number; target: string; met: boolean; rounds?: number[] };

// Scenarios measured when present: the forward-auth check, and the servers run beside the app.
const VERIFY = "auth/verify";
const VERIFY_UNKNOWN = "auth/verify unknown";
const CEILING = "ceiling (node:http)";
const PEER_TOKEN_ROUTE = "peer people/current";
export const INVENTORY_API = "inventory API 10k, 1 connection";
export const INVENTORY_PAGE = "Admin > Tokens 10k, 1 connection";

const round2 = (n: number) => Math.round(n * 100) / 100;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

type Figure = (find: (name: string) => Figures) => number;

/**
 * Each ratio and latency is computed within a round (its two scenarios ran one right after the other) and
 * the target takes the median over the rounds: on a shared machine one round can be off by 25% either way,
 * and a single round decides nothing near a line. Every round's value is kept beside it. Memory: the peak
 * of any round, and the last round's peak against the first's (identical work).
 */
export function targets(db: string, rounds: Round[]): Record<string, Target | string> {
  const needed = [
    "healthz",
    "people/current",
    "people/current malformed",
    "list 10k (first page)",
    "list 10k, 1 connection",
  ];
  const complete = rounds.every((round) => needed.every((name) => round.scenarios.some((r) => r.name === name)));
  const lookups = rounds.map((round) => {
    const byName = new Map(round.scenarios.map((figures) => [figures.name, figures]));
    return (name: string) => byName.get(name) as Figures;
  });
  if (!rounds.length || !complete) return { note: "a scenario is missing" };
  const perRound = (figure: Figure) => lookups.map((find) => round2(figure(find)));
  const target = (figure: Figure, goal: string, met: (value: number) => boolean): Target => {
    const values = perRound(figure);
    const value = round2(median(values));
    return { value, target: goal, met: met(value), rounds: values };
  };
  const minRatio = db === "sqlite" ? 0.9 : 0.8;
  const health = "healthz";
  const current = "people/current";
  const throughput: Figure = (find) => find(current).requestsPerSecond / find(health).requestsPerSecond;
  const peakOf = (figures: Figures[]) => Math.max(...figures.map((r) => r.peakRssMb));
  const peak = Math.max(...rounds.map((r) => peakOf(r.scenarios)));
  const first = rounds[0].scenarios;
  const last = rounds[rounds.length - 1].scenarios;
  const growth = round2(peakOf(last) - peakOf(first));
  const result: Record<string, Target | string> = {
    peopleCurrentVsHealthzThroughput: target(throughput, `>= ${minRatio}`, (v) => v >= minRatio),
    peopleCurrentVsHealthzP99: target(
      (find) => find(current).p99Ms / Math.max(find(health).p99Ms, 1),
      "<= 1.5",
      (v) => v <= 1.5,
    ),
    malformedVsHealthzThroughput: target(
      (find) => find("people/current malformed").requestsPerSecond / find(health).requestsPerSecond,
      ">= 1.0",
      (v) => v >= 1,
    ),
    listFirstPageP99Ms: target(
      (find) => find("list 10k (first page)").p99Ms,
      "< 100",
      (v) => v < 100,
    ),
    listFirstPageP99MsOneConnection: target(
      (find) => find("list 10k, 1 connection").p99Ms,
      "< 100",
      (v) => v < 100,
    ),
    peakRssMb: { value: peak, target: "< 350", met: peak < 350 },
    // The CPU cost per request of the two: the ratio of throughputs a CPU-bound server can reach.
    peopleCurrentVsHealthzCpuPerRequest: `${perRound((find) => find(current).cpuMsPerRequest / find(health).cpuMsPerRequest).join(", ")} (informational, per round)`,
  };
  const inEveryRound = (name: string) => rounds.every((round) => round.scenarios.some((r) => r.name === name));
  const rate = (find: (name: string) => Figures, name: string) => find(name).requestsPerSecond;
  if (inEveryRound(VERIFY) && inEveryRound(VERIFY_UNKNOWN)) {
    result.verifyVsHealthzThroughput = target(
      (find) => rate(find, VERIFY) / rate(find, health),
      ">= 5",
      (v) => v >= 5,
    );
    result.verifyP99Ms = target(
      (find) => find(VERIFY).p99Ms,
      "<= 10",
      (v) => v <= 10,
    );
    result.verifyUnknownVsValidThroughput = target(
      (find) => rate(find, VERIFY_UNKNOWN) / rate(find, VERIFY),
      ">= 1.0 (no slower)",
      (v) => v >= 1,
    );
  }
  if (inEveryRound(VERIFY) && inEveryRound(CEILING)) {
    result.verifyVsCeilingThroughput = target(
      (find) => rate(find, VERIFY) / rate(find, CEILING),
      ">= 0.25",
      (v) => v >= 0.25,
    );
  }
  if (inEveryRound(PEER_TOKEN_ROUTE)) {
    result.peopleCurrentVsPeerTokenRoute = target(
      (find) => rate(find, current) / rate(find, PEER_TOKEN_ROUTE),
      ">= 2",
      (v) => v >= 2,
    );
    result.healthzVsPeerHealthz = `${perRound((find) => rate(find, health) / rate(find, "peer healthz")).join(", ")} (informational, per round)`;
  }
  // Issue 15: an admin reviewing 10,000 tokens with 90 days of counts, one request at a time.
  for (const [key, name] of [
    ["inventoryApiP99MsOneConnection", INVENTORY_API],
    ["inventoryPageP99MsOneConnection", INVENTORY_PAGE],
  ] as const) {
    if (inEveryRound(name))
      result[key] = target(
        (find) => find(name).p99Ms,
        "< 300",
        (v) => v < 300,
      );
  }
  if (rounds.length > 1) {
    result.rssGrowthBetweenIdenticalRoundsMb = {
      value: growth,
      target: "<= 5% of the first round's peak",
      met: growth <= peakOf(first) * 0.05,
    };
  }
  return result;
}
