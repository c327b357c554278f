// `npm test`: every check and suite in turn, then one closing line "N passed, N failed" summed over all.
// Static checks (format, lint, types, build) count as one test each; suites count their own tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { testPort } from "../test/support/ports";
import { ADMIN_URL, postgresAnswers } from "../test/support/postgres";

type Tally = { passed: number; failed: number; failures?: string[] };
type Step = { name: string; postgres?: boolean; run: () => Tally };

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
  return run(command, args) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
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
  if (!json) return { passed: 0, failed: 1 };
  // A suite that failed outside any test (a setup error) still counts as a failure.
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests || (status === 0 ? 0 : 1),
    failures: vitestFailures(json),
  };
}

type PlaywrightSuite = {
  file: string;
  specs?: Array<{ title: string; ok: boolean; tests: Array<{ results: Array<{ error?: { message?: string } }> }> }>;
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };

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
  if (!json) return { passed: 0, failed: 1 };
  const { expected, unexpected, flaky } = json.stats;
  return {
    passed: expected,
    failed: unexpected + flaky || (status === 0 ? 0 : 1),
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
  { name: "e2e", run: () => playwright() },
  // A one-second-per-scenario smoke run of `npm run bench`, so the script cannot rot; no thresholds.
  { name: "bench", run: () => check(bin("tsx"), ["bench/run.ts", "--quick", "--port", String(testPort(3133))]) },
];

mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
const selected = only.length ? steps.filter((s) => only.includes(s.name)) : steps;
// The PostgreSQL suites run when PostgreSQL answers (.ci/run makes sure it does).
const postgres = await postgresAnswers();
if (!postgres) console.log(`\nPostgreSQL does not answer at ${ADMIN_URL}: skipping the PostgreSQL suites.`);
const tallies: Array<[string, Tally]> = [];
for (const step of selected) {
  if (step.postgres && !postgres) continue;
  if (step.name === "e2e" && !existsSync(path.join(root, "e2e"))) continue;
  tallies.push([step.name, step.run()]);
}

console.log("\nSummary");
for (const [name, t] of tallies) {
  console.log(`  ${name.padEnd(10)} ${t.passed} passed, ${t.failed} failed`);
  for (const failure of t.failures ?? []) console.log(`    failed: ${failure}`);
}
const total = tallies.reduce((sum, [, t]) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed }), {
  passed: 0,
  failed: 0,
});
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
