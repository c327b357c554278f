// `npm test`: every check and suite in turn, then one closing line "N passed, N failed, N skipped" summed over
// all. Static checks (format, lint, types, build) count as one test each; suites count their own tests.
// Under CI=true nothing may be skipped quietly: a PostgreSQL that does not answer fails the run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { testPort } from "../test/support/ports";
import { ADMIN_URL, postgresAnswers } from "../test/support/postgres";

type Tally = { passed: number; failed: number; skipped: number; failures?: string[] };
type Step = { name: string; postgres?: boolean; needs?: string[]; run: () => Tally };

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
// Tests build and serve from their own folder, so a developer's running `npm start` is left alone.
const env = { ...process.env, NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  console.log(`\n$ ${path.basename(command)} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv }, cwd: root }).status ?? 1;
}

function check(command: string, args: string[]): Tally {
  return run(command, args) === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

// A suite that did not run counts as one skipped test, so the summary line shows it.
function notRun(why: string): Tally {
  return { passed: 0, failed: 0, skipped: 1, failures: [why] };
}

function installed(program: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" }).status === 0;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
};

const firstLine = (text = "") => stripVTControlCharacters(text).trim().split("\n")[0]?.slice(0, 300) ?? "";

// Named again under the summary, so a failure is visible where CI logs keep only the tail.
function vitestFailures(json: VitestReport): string[] {
  return json.testResults.flatMap((file) => {
    const where = path.relative(root, file.name);
    const failed = file.assertionResults
      .filter((test) => test.status === "failed")
      .map((test) => `${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (!failed.length && file.message) failed.push(`${where}: ${firstLine(file.message)}`);
    return failed;
  });
}

function vitest(project: string, label = project, extraEnv: Record<string, string> = {}): Tally {
  const report = path.join(results, `${label}.json`);
  rmSync(report, { force: true });
  const status = run(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    extraEnv,
  );
  const json = readJson(report) as VitestReport | null;
  if (!json) return { passed: 0, failed: 1, skipped: 0 };
  // A suite that failed outside any test (a setup error) still counts as a failure.
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests || (status === 0 ? 0 : 1),
    skipped: json.numPendingTests + json.numTodoTests,
    failures: vitestFailures(json),
  };
}

type PlaywrightSuite = {
  file: string;
  specs?: Array<{ title: string; ok: boolean; tests: Array<{ results: Array<{ error?: { message?: string } }> }> }>;
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
};

function playwrightFailures(suites: PlaywrightSuite[] = []): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => {
        const error = spec.tests.flatMap((t) => t.results).find((r) => r.error)?.error?.message;
        return `${suite.file} > ${spec.title}: ${firstLine(error)}`;
      }),
    ...playwrightFailures(suite.suites),
  ]);
}

function playwright(): Tally {
  const report = path.join(results, "e2e-report.json");
  rmSync(report, { force: true });
  const status = run(bin("playwright"), ["test"]);
  const json = readJson(report) as PlaywrightReport | null;
  if (!json) return { passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = json.stats;
  return {
    passed: expected,
    failed: unexpected + flaky || (status === 0 ? 0 : 1),
    skipped,
    failures: playwrightFailures(json.suites),
  };
}

const steps: Step[] = [
  { name: "format", run: () => check(bin("prettier"), ["--check", "."]) },
  { name: "lint", run: () => check(bin("eslint"), ["."]) },
  { name: "typecheck", run: () => check(bin("tsc"), ["--noEmit"]) },
  { name: "unit", run: () => vitest("unit") },
  { name: "build", run: () => check(bin("next"), ["build"]) },
  { name: "api", run: () => vitest("api") },
  { name: "api-postgres", postgres: true, run: () => vitest("api", "api-postgres", { TEST_DATABASE: "postgresql" }) },
  { name: "cluster", postgres: true, run: () => vitest("cluster") },
  // Real reverse proxies in front of Tessera, configured as docs/proxies.md says (Debian's nginx and caddy).
  { name: "proxies", needs: ["nginx", "caddy"], run: () => vitest("proxies") },
  { name: "e2e", run: () => playwright() },
  // A one-second-per-scenario smoke run of `npm run bench`, so the script cannot rot; no thresholds.
  { name: "bench", run: () => check(bin("tsx"), ["bench/run.ts", "--quick", "--port", String(testPort(3133))]) },
];

mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
const selected = only.length ? steps.filter((s) => only.includes(s.name)) : steps;
const tallies: Array<[string, Tally]> = [];
const inCi = Boolean(process.env.CI) && !["0", "false"].includes(String(process.env.CI));
const postgres = selected.some((step) => step.postgres) && (await postgresAnswers());
for (const step of selected) {
  if (step.postgres && !postgres) {
    // Outside CI a developer without PostgreSQL still gets the rest; CI must run every suite.
    const why = `PostgreSQL does not answer at ${ADMIN_URL}`;
    console.log(`\n${step.name}: ${inCi ? "FAILED" : "skipped"}: ${why}`);
    tallies.push([step.name, inCi ? { passed: 0, failed: 1, skipped: 0, failures: [why] } : notRun(why)]);
    continue;
  }
  const missing = (step.needs ?? []).filter((program) => !installed(program));
  if (missing.length) {
    const why = `not installed: ${missing.join(", ")}`;
    console.log(`\n${step.name}: ${inCi ? "FAILED" : "skipped"}: ${why}`);
    tallies.push([step.name, inCi ? { passed: 0, failed: 1, skipped: 0, failures: [why] } : notRun(why)]);
    continue;
  }
  tallies.push([step.name, step.run()]);
}

console.log("\nSummary");
for (const [name, t] of tallies) {
  console.log(`  ${name.padEnd(12)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  for (const failure of t.failures ?? []) console.log(`    ${t.failed ? "failed" : "not run"}: ${failure}`);
}
const total = tallies.reduce(
  (sum, [, t]) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
