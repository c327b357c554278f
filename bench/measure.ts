// One scenario: warm up, then load for a fixed time with autocannon while sampling the server's RSS and
// counting the CPU time the server spent, which other load on the machine barely changes.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  /** Which server: the app (default), or one run beside it in the same run for comparison. */
  server?: "app" | "ceiling" | "peer";
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The status every request should get; anything else counts as an error. */
  expectStatus: number;
  /** Overrides the run's connection count (say, 1 for latency without queueing). */
  connections?: number;
};

export type Figures = {
  name: string;
  expectStatus: number;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  unexpectedStatus: number;
  errors: number;
  peakRssMb: number;
  /** Server CPU time (user + system, all threads) per request answered: the cost, whatever else runs. */
  cpuMsPerRequest: number;
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

/** The server process and its children (the start script's wrappers are not the server). */
function serverPids(launcherPid: number): number[] {
  const tree = processTree(launcherPid);
  // `next start` titles its process next-server; the custom server (scripts/serve.mjs) tessera-server.
  const server = tree.find((pid) => /^(tessera|next)-server/.test(readStatus(pid)?.name ?? ""));
  return server ? processTree(server) : tree;
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

export function serverRssMb(launcherPid: number): number {
  return mb(serverPids(launcherPid).reduce((sum, pid) => sum + (readStatus(pid)?.rssKb ?? 0), 0));
}

/** RSS of every process the start script runs, itself included, by pid and command. */
export function processTreeRss(launcherPid: number): { pid: number; name: string; command: string; rssMb: number }[] {
  return processTree(launcherPid).map((pid) => {
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 160);
    } catch {
      // gone
    }
    return { pid, name: readStatus(pid)?.name ?? "?", command, rssMb: mb(readStatus(pid)?.rssKb ?? 0) };
  });
}

let ticksPerSecond = 0;

/** CPU seconds (user + system) the server processes have used so far. */
function serverCpuSeconds(launcherPid: number): number {
  ticksPerSecond ||= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
  let ticks = 0;
  for (const pid of serverPids(launcherPid)) {
    try {
      // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th of the line.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks / ticksPerSecond;
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

/** pid: the server's process, for its CPU and memory; null for one the bench did not start (the peer). */
export async function measure(
  url: string,
  pid: number | null,
  scenario: Scenario,
  options: LoadOptions,
): Promise<Figures> {
  const connections = scenario.connections ?? options.connections;
  if (options.warmupS > 0) await load(url, scenario, options.warmupS, connections);
  const probe = await fetch(url + scenario.path, {
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
  });
  await probe.arrayBuffer();
  if (probe.status !== scenario.expectStatus) {
    throw new Error(`${scenario.name}: expected HTTP ${scenario.expectStatus}, got ${probe.status}`);
  }
  const rss = () => (pid === null ? 0 : serverRssMb(pid));
  const cpuSeconds = () => (pid === null ? 0 : serverCpuSeconds(pid));
  let peakRssMb = rss();
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rss())), 100);
  try {
    const cpuBefore = cpuSeconds();
    const result = await load(url, scenario, options.durationS, connections);
    const cpuMs = (cpuSeconds() - cpuBefore) * 1000;
    const statuses: Record<string, { count?: number } | undefined> = result.statusCodeStats ?? {};
    const expected = statuses[String(scenario.expectStatus)]?.count ?? 0;
    const answered = Object.values(statuses).reduce((sum, s) => sum + (s?.count ?? 0), 0);
    return {
      name: scenario.name,
      expectStatus: scenario.expectStatus,
      connections,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      unexpectedStatus: answered - expected,
      errors: result.errors + result.timeouts,
      peakRssMb,
      cpuMsPerRequest: Math.round((cpuMs / Math.max(answered, 1)) * 100) / 100,
    };
  } finally {
    clearInterval(sampler);
  }
}
