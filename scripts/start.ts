// `npm start`: check the configuration, migrate the database, create the first admin, build the app
// if it is missing or older than its sources, then serve it (scripts/serve.mjs; `next dev` with --dev).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createDbClient } from "@/lib/db-client";
import { bootstrap } from "@/lib/setup/bootstrap";
import { ConfigError, loadStartConfig } from "@/lib/setup/config";
import { databaseLocation, describeDatabaseError } from "@/lib/setup/describe-database-error";
import { applyMigrations } from "../prisma/migrate";
import { withFileLock, withStartupLock } from "../prisma/startup-lock";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");

function fail(message: string): never {
  console.error(`\nTessera cannot start: ${message}\n`);
  process.exit(1);
}

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
  const configs = ["next.config.js", "package-lock.json"].map((f) => statSync(path.join(root, f)).mtimeMs);
  return statSync(buildId).mtimeMs > Math.max(...sources, ...configs);
}

async function prepare() {
  const config = loadStartConfig();
  const db = config.database;
  console.log(`Database: ${db.provider} at ${databaseLocation(db)}`);
  const { applied, createdAdmin } = await withStartupLock(db, async () => {
    const applied = await applyMigrations(db);
    const client = createDbClient(db);
    try {
      return { applied, ...(await bootstrap(client, config.admin)) };
    } finally {
      await client.$disconnect();
    }
  }).catch((error: unknown) => fail(describeDatabaseError(error, db)));
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (createdAdmin) {
    console.log(`Created the first admin: ${createdAdmin.email}`);
    if (createdAdmin.generatedPassword) {
      console.log(
        `Its password (shown once; change it under Preferences > Profile): ${createdAdmin.generatedPassword}`,
      );
    }
  }
  return config;
}

const dev = process.argv.includes("--dev");
const config = await prepare().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
});
const env = {
  ...process.env,
  NEXTAUTH_SECRET: config.nextAuthSecret,
  NEXTAUTH_URL: config.nextAuthUrl,
  DATABASE_URL: config.database.url,
  PORT: String(config.port),
};
const next = path.join(root, "node_modules", ".bin", "next");
// Instances started together from one folder take turns, so only the first one builds.
await withFileLock(`${distDir}.build-lock`, async () => {
  if (dev || buildIsCurrent()) return;
  console.log("Building the app (next build)...");
  const build = spawnSync(next, ["build"], { stdio: "inherit", env, cwd: root });
  if (build.status !== 0) fail("next build failed (see above)");
});
const server = dev
  ? spawn(next, ["dev", "-p", String(config.port), "-H", config.hostname], { stdio: "inherit", env, cwd: root })
  : spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
      stdio: "inherit",
      env: { ...env, HOSTNAME: config.hostname, NODE_ENV: "production" },
      cwd: root,
    });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
