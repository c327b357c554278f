// `npm start`: check the settings, migrate the database, create the first admin, build the app if it is
// missing or older than its sources, then serve it (scripts/serve.mjs; Next.js in development with --dev).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { databaseConfig } from "@/lib/db/config";
import { withFileLock } from "@/lib/db/startup-lock";
import { databaseLocation } from "@/lib/setup/describe-database-error";
import { sessionSecret } from "@/lib/setup/session-secret";
import { cannotStart, checked, settingsOrStop } from "./cannot-start";

const root = path.resolve(import.meta.dirname, "..");
const settings = settingsOrStop();
const secret = checked(() => sessionSecret(settings));
const distDir = path.join(root, settings.NEXT_DIST_DIR);

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib"]
    .filter((d) => existsSync(path.join(root, d)))
    .map((d) => newestSourceTime(path.join(root, d)));
  // The sources at the top level too: instrumentation.ts hands the server its hooks.
  const files = ["instrumentation.ts", "proxy.ts", "next.config.js", "package-lock.json"];
  const configs = files.map((f) => statSync(path.join(root, f)).mtimeMs);
  return statSync(buildId).mtimeMs > Math.max(...sources, ...configs);
}

function prepareDatabase(): void {
  const db = databaseConfig(settings.DATABASE_URL);
  console.log(`Database: ${db.provider} at ${databaseLocation(db)}`);
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const prepared = spawnSync(process.execPath, [tsx, path.join(root, "scripts", "prepare-database.ts")], {
    stdio: "inherit",
    cwd: root,
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}

// Memory settings for the server process (measured in docs/performance.md): V8 otherwise lets its heap grow
// towards its default limit before collecting, and glibc keeps an arena per thread. NODE_OPTIONS and
// MALLOC_ARENA_MAX from the environment still win.
function serverProcessSettings(): Record<string, string> {
  return {
    NODE_OPTIONS: `--max-old-space-size=192 --max-semi-space-size=8 ${process.env.NODE_OPTIONS ?? ""}`.trim(),
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
  };
}

const dev = process.argv.includes("--dev");
prepareDatabase();
// The server and the build get the settings as checked here, with the defaults that derive from others made
// explicit and the generated secret: next-auth reads NEXTAUTH_SECRET and NEXTAUTH_URL from the environment.
// With several workspaces (WORKSPACE_DOMAIN) there is no one URL: next-auth takes each request's own host
// (AUTH_TRUST_HOST; the server has checked it names a workspace), in NEXTAUTH_URL's scheme (publicProtocol).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXTAUTH_SECRET: secret,
  NEXTAUTH_URL: settings.NEXTAUTH_URL,
  DATABASE_URL: settings.DATABASE_URL,
  PORT: String(settings.PORT),
  NEXT_DIST_DIR: settings.NEXT_DIST_DIR,
};
if (settings.WORKSPACE_DOMAIN) {
  delete env.NEXTAUTH_URL;
  env.AUTH_TRUST_HOST = "true";
}
const next = path.join(root, "node_modules", ".bin", "next");
// Instances started together from one folder take turns, so only the first one builds.
await withFileLock(`${distDir}.build-lock`, async () => {
  if (dev || buildIsCurrent()) return;
  console.log("Building the app (next build)...");
  const build = spawnSync(next, ["build"], { stdio: "inherit", env, cwd: root });
  if (build.status !== 0) cannotStart("next build failed (see above)");
});
// The server's own options, as an argument: it reads no settings from the environment itself.
const serverOptions = {
  dev,
  port: settings.PORT,
  hostname: settings.HOSTNAME,
  trustProxy: settings.TRUST_PROXY,
  publicProtocol: settings.WORKSPACE_DOMAIN ? new URL(settings.NEXTAUTH_URL).protocol.slice(0, -1) : null,
  distDir: settings.NEXT_DIST_DIR,
};
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), JSON.stringify(serverOptions)], {
  stdio: "inherit",
  env: { ...env, ...(dev ? { NODE_ENV: "development" } : { ...serverProcessSettings(), NODE_ENV: "production" }) },
  cwd: root,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
