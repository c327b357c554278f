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

type Target = { value: number; target: string; met: boolean };

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The ratios and latencies come from the last round (everything warmed up and compiled); memory from all
 * of them: the peak of any round, and the last round's peak against the first's (identical work).
 */
export function targets(db: string, rounds: Round[]): Record<string, Target | string> {
  const first = rounds[0]?.scenarios ?? [];
  const last = rounds.at(-1)?.scenarios ?? [];
  const find = (name: string) => last.find((r) => r.name === name);
  const health = find("healthz");
  const current = find("people/current");
  const malformed = find("people/current malformed");
  const list = find("list 10k (first page)");
  const listAlone = find("list 10k, 1 connection");
  if (!health || !current || !malformed || !list || !listAlone) return { note: "a scenario is missing" };
  const minRatio = db === "sqlite" ? 0.9 : 0.8;
  const throughput = round2(current.requestsPerSecond / health.requestsPerSecond);
  const p99 = round2(current.p99Ms / Math.max(health.p99Ms, 1));
  const malformedRatio = round2(malformed.requestsPerSecond / health.requestsPerSecond);
  const peakOf = (figures: Figures[]) => Math.max(...figures.map((r) => r.peakRssMb));
  const peak = Math.max(...rounds.map((r) => peakOf(r.scenarios)));
  const growth = round2(peakOf(last) - peakOf(first));
  const result: Record<string, Target | string> = {
    peopleCurrentVsHealthzThroughput: { value: throughput, target: `>= ${minRatio}`, met: throughput >= minRatio },
    peopleCurrentVsHealthzP99: { value: p99, target: "<= 1.5", met: p99 <= 1.5 },
    malformedVsHealthzThroughput: { value: malformedRatio, target: ">= 1.0", met: malformedRatio >= 1 },
    listFirstPageP99Ms: { value: list.p99Ms, target: "< 100", met: list.p99Ms < 100 },
    listFirstPageP99MsOneConnection: { value: listAlone.p99Ms, target: "< 100", met: listAlone.p99Ms < 100 },
    peakRssMb: { value: peak, target: "< 350", met: peak < 350 },
    // The CPU cost per request of the two, the ratio of throughputs a CPU-bound server can reach.
    peopleCurrentVsHealthzCpuPerRequest: `${round2(current.cpuMsPerRequest / health.cpuMsPerRequest)} (informational)`,
  };
  if (rounds.length > 1) {
    result.rssGrowthBetweenIdenticalRoundsMb = {
      value: growth,
      target: "<= 5% of the first round's peak",
      met: growth <= peakOf(first) * 0.05,
    };
  }
  return result;
}
