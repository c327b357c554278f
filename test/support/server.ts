// Starts the production app (npm start's script) on a fresh database for a test run.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type TestServer = {
  url: string;
  dataDir: string;
  databaseFile: string;
  /** The start script's process; the server (scripts/serve.mjs) runs below it. */
  pid: number;
  /** Everything the start script and the server have printed so far. */
  output(): string;
  stop(): Promise<void>;
};

export const TEST_ADMIN = { email: "admin@tessera.test", password: "admin-password-123" };
/** The shared API test server's RATE_LIMIT_REVOKE_PER_MINUTE: many files revoke from 127.0.0.1 in one minute. */
export const TEST_REVOKE_PER_MINUTE = 300;
/**
 * The shared API test server's RATE_LIMIT_* settings: short blocks, so the brute-force tests can wait one out;
 * the counts keep their defaults. Tests read the limits through lib/rate-limit/config.ts from these.
 */
export const API_TEST_RATE_LIMITS = {
  RATE_LIMIT_BLOCK_SECONDS: "2",
  RATE_LIMIT_REVOKE_PER_MINUTE: String(TEST_REVOKE_PER_MINUTE),
};

export async function startTestServer(port: number, extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const root = path.resolve(import.meta.dirname, "../..");
  // A DATA_DIR given in extraEnv starts the app again on an earlier run's data.
  const dataDir = extraEnv.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "tessera-test-"));
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://localhost:${port}`,
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it also stops the server it spawns.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  await waitUntilHealthy(url, child, () => output);
  return {
    url,
    dataDir,
    databaseFile: path.join(dataDir, "tessera.db"),
    pid: child.pid ?? 0,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The test server exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  killGroup(child, "SIGKILL");
  throw new Error(`The test server did not become healthy:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    killGroup(child, "SIGTERM");
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
