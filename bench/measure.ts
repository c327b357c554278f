// One scenario: warm up, then load for a fixed time with autocannon while sampling the server's RSS.
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The status every request should get; anything else counts as an error. */
  expectStatus: number;
};

export type Figures = {
  name: string;
  expectStatus: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  unexpectedStatus: number;
  errors: number;
  peakRssMb: number;
};

export type LoadOptions = { durationS: number; warmupS: number; connections: number };

function readStatus(pid: number): { ppid: number; rssKb: number; name: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (key: string) => new RegExp(`^${key}:\\s*(.*)$`, "m").exec(text)?.[1] ?? "";
    return { ppid: Number(field("PPid")), rssKb: parseInt(field("VmRSS"), 10) || 0, name: field("Name") };
  } catch {
    return null;
  }
}

/** The pids of `root` and all its descendants. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const status = readStatus(pid);
    if (status) children.set(status.ppid, [...(children.get(status.ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The RSS of the server process (scripts/serve.mjs) and its children (the start script's wrappers are not the server). */
export function serverRssMb(launcherPid: number): number {
  const tree = processTree(launcherPid);
  const server = tree.find((pid) => /^(tessera|next)-server/.test(readStatus(pid)?.name ?? ""));
  const pids = server ? processTree(server) : tree;
  const kb = pids.reduce((sum, pid) => sum + (readStatus(pid)?.rssKb ?? 0), 0);
  return Math.round(kb / 102.4) / 10;
}

function load(url: string, scenario: Scenario, durationS: number, connections: number) {
  return autocannon({
    url: url + scenario.path,
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
    duration: durationS,
    connections,
  });
}

export async function measure(url: string, pid: number, scenario: Scenario, options: LoadOptions): Promise<Figures> {
  if (options.warmupS > 0) await load(url, scenario, options.warmupS, options.connections);
  const probe = await fetch(url + scenario.path, {
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
  });
  await probe.arrayBuffer();
  if (probe.status !== scenario.expectStatus) {
    throw new Error(`${scenario.name}: expected HTTP ${scenario.expectStatus}, got ${probe.status}`);
  }
  let peakRssMb = serverRssMb(pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, serverRssMb(pid))), 100);
  try {
    const result = await load(url, scenario, options.durationS, options.connections);
    const statuses: Record<string, { count?: number } | undefined> = result.statusCodeStats ?? {};
    const expected = statuses[String(scenario.expectStatus)]?.count ?? 0;
    const answered = Object.values(statuses).reduce((sum, s) => sum + (s?.count ?? 0), 0);
    return {
      name: scenario.name,
      expectStatus: scenario.expectStatus,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      unexpectedStatus: answered - expected,
      errors: result.errors + result.timeouts,
      peakRssMb,
    };
  } finally {
    clearInterval(sampler);
  }
}
