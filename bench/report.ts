// The table printed after a run, and the targets computed from the figures of that one run.
import type { Figures } from "./measure";

export function printTable(db: string, results: Figures[], finalRssMb: number): void {
  const header = ["scenario", "status", "req/s", "p50 ms", "p99 ms", "requests", "unexpected", "errors", "peak RSS MB"];
  const rows = results.map((r) => [
    r.name,
    String(r.expectStatus),
    String(r.requestsPerSecond),
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.requests),
    String(r.unexpectedStatus),
    String(r.errors),
    String(r.peakRssMb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(`\n${db}: server RSS at the end ${finalRssMb} MB`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ":" : "") + "-".repeat(w + 1) + (i === 0 ? "" : ":")).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

type Target = { value: number; target: string; met: boolean };

export function targets(db: string, results: Figures[]): Record<string, Target | string> {
  const find = (name: string) => results.find((r) => r.name === name);
  const health = find("healthz");
  const current = find("people/current");
  const malformed = find("people/current malformed");
  const list = find("list 10k (first page)");
  const again = find("people/current (again)");
  if (!health || !current || !malformed || !list || !again) return { note: "a scenario is missing" };
  const minRatio = db === "sqlite" ? 0.9 : 0.8;
  const round = (n: number) => Math.round(n * 100) / 100;
  const throughput = round(current.requestsPerSecond / health.requestsPerSecond);
  const p99 = round(current.p99Ms / Math.max(health.p99Ms, 1));
  const malformedRatio = round(malformed.requestsPerSecond / health.requestsPerSecond);
  const peak = Math.max(...results.map((r) => r.peakRssMb));
  const growth = round(again.peakRssMb - current.peakRssMb);
  return {
    peopleCurrentVsHealthzThroughput: { value: throughput, target: `>= ${minRatio}`, met: throughput >= minRatio },
    peopleCurrentVsHealthzP99: { value: p99, target: "<= 1.5", met: p99 <= 1.5 },
    malformedVsHealthzThroughput: { value: malformedRatio, target: ">= 1.0", met: malformedRatio >= 1 },
    listFirstPageP99Ms: { value: list.p99Ms, target: "< 100", met: list.p99Ms < 100 },
    peakRssMb: { value: peak, target: "< 350", met: peak < 350 },
    // The same scenario run twice in one process: a leak shows as a higher peak the second time.
    rssGrowthBetweenIdenticalRunsMb: {
      value: growth,
      target: "<= 5% of the first run's peak",
      met: growth <= current.peakRssMb * 0.05,
    },
  };
}
