// `npm run bench`: starts the production app on a fresh database, seeds it, and measures each scenario
// with autocannon, round after round. Options: --duration S, --warmup S, --connections N, --rounds N,
// --quick, --postgres URL, --port N, --server-env NAME=VALUE (repeatable; tries a process setting),
// --ceiling FILE (the bare node:http ceiling, run beside the app; default ../shared/bench/ceiling.mjs when it
// exists), --peer URL --peer-key KEY (a running peer app, measured in the same run: ../shared/bench/peer-better-auth).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import prettier from "prettier";
import { startTestServer, TEST_ADMIN, type TestServer } from "../test/support/server";
import { measure, processTreeRss, serverRssMb, type LoadOptions, type Scenario } from "./measure";
import { freshPostgresDatabase } from "./postgres";
import { INVENTORY_API, INVENTORY_PAGE, printTable, targets, type Round } from "./report";
import { seed, type Seeded } from "./seed";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "16" },
    // Identical rounds: the targets take the median over them (bench/report.ts), and the last shows whether
    // memory grows from one run to the next.
    rounds: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
    postgres: { type: "string" },
    port: { type: "string", default: "3131" },
    "server-env": { type: "string", multiple: true, default: [] },
    ceiling: { type: "string", default: path.resolve(import.meta.dirname, "../../shared/bench/ceiling.mjs") },
    peer: { type: "string" },
    "peer-key": { type: "string" },
  },
});
const ceilingScript = existsSync(values.ceiling) ? values.ceiling : null;
const peer = values.peer && values["peer-key"] ? { url: values.peer, key: values["peer-key"] } : null;
const rounds = values.quick ? 1 : Math.max(1, Number(values.rounds));
const serverEnv = Object.fromEntries(
  values["server-env"].map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
);
const options: LoadOptions = values.quick
  ? { durationS: 1, warmupS: 1, connections: Number(values.connections) }
  : { durationS: Number(values.duration), warmupS: Number(values.warmup), connections: Number(values.connections) };

const round2 = (n: number) => Math.round(n * 100) / 100;

function scenarioList(s: Seeded): Scenario[] {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const basic = "Basic " + Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString("base64");
  const create = JSON.stringify({ lifetimeSeconds: 3600, description: "bench" });
  const json = { "content-type": "application/json" };
  return [
    { name: "healthz", path: "/healthz", expectStatus: 200 },
    { name: "people/current", path: "/v4/people/current", headers: bearer(s.validToken), expectStatus: 200 },
    { name: "people/current malformed", path: "/v4/people/current", headers: bearer("tsr_oops"), expectStatus: 401 },
    { name: "people/current unknown", path: "/v4/people/current", headers: bearer(s.unknownToken), expectStatus: 401 },
    { name: "people/current expired", path: "/v4/people/current", headers: bearer(s.expiredToken), expectStatus: 401 },
    // What a reverse proxy asks before every request of the API behind it (docs/proxies.md).
    { name: "auth/verify", path: "/v4/auth/verify", headers: bearer(s.validToken), expectStatus: 200 },
    { name: "auth/verify unknown", path: "/v4/auth/verify", headers: bearer(s.unknownToken), expectStatus: 401 },
    ...(ceilingScript
      ? [
          {
            name: "ceiling (node:http)",
            server: "ceiling" as const,
            path: "/v4/people/current",
            headers: bearer(s.validToken),
            expectStatus: 200,
          },
        ]
      : []),
    ...(peer
      ? [
          { name: "peer healthz", server: "peer" as const, path: "/healthz", expectStatus: 200 },
          {
            name: "peer people/current",
            server: "peer" as const,
            path: "/v4/people/current",
            headers: bearer(peer.key),
            expectStatus: 200,
          },
        ]
      : []),
    { name: "list 10k (first page)", path: "/v4/apiAccessTokens", headers: bearer(s.validToken), expectStatus: 200 },
    {
      // Latency without queueing behind other requests: what one script listing its tokens sees.
      name: "list 10k, 1 connection",
      path: "/v4/apiAccessTokens",
      headers: bearer(s.validToken),
      expectStatus: 200,
      connections: 1,
    },
    {
      // Issue 15: every token of the workspace with its 30-day use (90 days of counts per token are seeded).
      name: INVENTORY_API,
      path: "/v4/workspaces/current/apiAccessTokens?sort=-lastUsed",
      headers: bearer(s.validToken),
      expectStatus: 200,
      connections: 1,
    },
    {
      name: INVENTORY_PAGE,
      path: "/admin/tokens?sort=-lastUsed",
      headers: { cookie: s.cookie },
      expectStatus: 200,
      connections: 1,
    },
    {
      name: "access tokens page",
      path: "/preferences/access-tokens",
      headers: { cookie: s.cookie },
      expectStatus: 200,
    },
    {
      name: "create by token",
      path: "/v4/apiAccessTokens",
      method: "POST",
      headers: { ...bearer(s.validToken), ...json },
      body: create,
      expectStatus: 201,
    },
    {
      name: "create by password",
      path: "/v4/apiAccessTokens",
      method: "POST",
      headers: { authorization: basic, ...json },
      body: create,
      expectStatus: 201,
    },
  ];
}

async function runOn(db: "sqlite" | "postgresql", databaseUrl: string | null): Promise<void> {
  const port = Number(values.port);
  // Its own build folder, so a running app or test build is never replaced (npm test passes its .next-test).
  const env: Record<string, string> = {
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-bench",
    NEXT_TELEMETRY_DISABLED: "1",
    // The rejection scenarios send thousands of invalid tokens from one address: with the production limit the
    // throttle would answer 429 after 50. Each rejection still consults the limiter, as in production.
    RATE_LIMIT_TOKEN_FAILURES: "1000000000",
    ...serverEnv,
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  console.log(`\n== ${db}: starting the production app on port ${port} (builds into ${env.NEXT_DIST_DIR} if stale)`);
  let server: TestServer;
  let ceiling: ChildProcess | null = null;
  try {
    server = await startTestServer(port, env);
  } catch (error) {
    if (db === "sqlite") throw error;
    const firstLine = (error instanceof Error ? error.message : String(error))
      .split("\n")
      .find((l) => /cannot start|not supported|error/i.test(l));
    console.log(`== postgresql: skipped, the app did not start on it (${firstLine?.trim() ?? "see above"})`);
    return;
  }
  try {
    const loadBefore = os.loadavg();
    const seeded = await seed(server.url, databaseUrl ?? `file:${server.databaseFile}`, TEST_ADMIN);
    ceiling = ceilingScript ? await startCeiling(ceilingScript, port + 1, seeded.validToken) : null;
    const servers = {
      app: { url: server.url, pid: server.pid },
      ceiling: { url: `http://127.0.0.1:${port + 1}`, pid: ceiling?.pid ?? null },
      peer: { url: peer?.url ?? "", pid: null },
    };
    const results: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      console.log(`   round ${round} of ${rounds}`);
      const scenarios = [];
      for (const scenario of scenarioList(seeded)) {
        process.stdout.write(`   ${scenario.name}... `);
        const { url, pid } = servers[scenario.server ?? "app"];
        const figures = await measure(url, pid, scenario, options);
        console.log(`${figures.requestsPerSecond} req/s, ${figures.cpuMsPerRequest} ms CPU per request`);
        scenarios.push(figures);
      }
      const done: Round = { round, scenarios, rssAfterMb: serverRssMb(server.pid) };
      results.push(done);
      printTable(`${db}, round ${round}`, done);
    }
    const processes = processTreeRss(server.pid);
    const report = {
      date: new Date().toISOString(),
      database: db,
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        // Other work on the machine while measuring (1, 5 and 15 minute averages), before and after.
        loadAverage: { before: loadBefore.map(round2), after: os.loadavg().map(round2) },
      },
      load: { ...options, tool: "autocannon", rounds },
      serverEnv,
      rounds: results,
      // Every process npm start runs, at the end: the bench's RSS figures count the server and its children.
      processes,
      targets: targets(db, results),
    };
    // A quick run is a smoke test, not a measurement: it goes to test-results/, not bench/results/.
    const dir = path.join(import.meta.dirname, values.quick ? "../test-results" : "results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, values.quick ? `bench-${db}.json` : `${report.date.slice(0, 10)}-${db}.json`);
    // Written as the repository's Prettier check expects, so a recorded run can be committed as it is.
    const style = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(JSON.stringify(report), { ...style, parser: "json" }));
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    ceiling?.kill();
    await server.stop();
  }
}

/** The bare node:http ceiling of token verification (../shared/bench/ceiling.mjs), knowing this one token. */
async function startCeiling(script: string, port: number, token: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, String(port), token], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the ceiling server exited (${code})`)));
  });
  return child;
}

await runOn("sqlite", null);
const postgresUrl =
  values.postgres ?? (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined);
if (postgresUrl) {
  const fresh = await freshPostgresDatabase(postgresUrl);
  if (fresh.ok) await runOn("postgresql", fresh.url);
  else console.log(`== postgresql: skipped, ${fresh.reason}`);
} else {
  console.log("\n== postgresql: skipped (no --postgres URL and DATABASE_URL is not postgresql://)");
}
