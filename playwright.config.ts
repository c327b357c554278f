import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { testPort } from "./test/support/ports";

const port = Number(process.env.E2E_PORT ?? testPort(3201));
export const E2E_ADMIN = { email: "admin@tessera.test", password: "admin-password-123" };

// Debian's Chromium where installed (CI and the project machines); otherwise Playwright's own build
// (`npx playwright install chromium` on a machine with internet access).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!process.env.TESSERA_E2E_BROWSER_LOGGED) {
  process.env.TESSERA_E2E_BROWSER_LOGGED = "1";
  console.log(`e2e browser: ${systemChromium ?? "Playwright's bundled Chromium"}`);
}

// Every run gets a fresh database (the folder is created once, in the main process, and inherited by workers).
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "tessera-e2e-"));

/** The test server's environment; specs read its rate limits through lib/rate-limit/config.ts. */
export const E2E_SERVER_ENV = {
  PORT: String(port),
  HOSTNAME: "127.0.0.1",
  DATA_DIR: process.env.E2E_DATA_DIR,
  DATABASE_URL: "",
  NEXTAUTH_URL: `http://localhost:${port}`,
  ADMIN_EMAIL: E2E_ADMIN.email,
  ADMIN_PASSWORD: E2E_ADMIN.password,
  // As behind a reverse proxy: a spec can call from its own made-up address (X-Forwarded-For).
  TRUST_PROXY: "true",
};

// The second server: several workspaces at their own host names (WORKSPACE_DOMAIN=localhost, so acme.localhost is
// workspace acme; Chromium resolves every *.localhost to the loopback address), on a fresh database of its own.
// e2e/workspaces.spec.ts creates its workspaces with `npm run workspace` on that DATA_DIR.
const workspacesPort = Number(process.env.E2E_WORKSPACES_PORT ?? testPort(3221));
process.env.E2E_WORKSPACES_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "tessera-e2e-workspaces-"));

/** The workspaces server's environment (the CLI that creates its workspaces runs with it too). */
export const E2E_WORKSPACES_SERVER_ENV = {
  ...E2E_SERVER_ENV,
  PORT: String(workspacesPort),
  DATA_DIR: process.env.E2E_WORKSPACES_DATA_DIR,
  NEXTAUTH_URL: `http://localhost:${workspacesPort}`,
  WORKSPACE_DOMAIN: "localhost",
};

export default defineConfig({
  testDir: "e2e",
  // A focused test (test.only) would quietly skip every other spec: refused in CI.
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    permissions: ["clipboard-read", "clipboard-write"],
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs scripts/start.ts",
      url: `http://localhost:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: E2E_SERVER_ENV,
    },
    {
      // Starts beside the first; whichever takes the build lock second finds the build done.
      command: "node node_modules/tsx/dist/cli.mjs scripts/start.ts",
      url: `http://localhost:${workspacesPort}/healthz`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: E2E_WORKSPACES_SERVER_ENV,
    },
  ],
});
