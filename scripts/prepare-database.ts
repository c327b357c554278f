// Run by scripts/start.ts in a process of its own: migrate the database and create the workspace and the
// first admin, under the start-up lock. A process of its own, so the Prisma clients and the migration engine
// (WebAssembly) it loads leave memory with it instead of staying beside the server for its whole life.
import { createDbClient } from "@/lib/db/connect";
import { bootstrap } from "@/lib/setup/bootstrap";
import { ConfigError, loadStartConfig } from "@/lib/setup/config";
import { describeDatabaseError } from "@/lib/setup/describe-database-error";
import { applyMigrations } from "@/lib/db/migrations";
import { withStartupLock } from "@/lib/db/startup-lock";

function fail(message: string): never {
  console.error(`\nTessera cannot start: ${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadStartConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const db = config.database;
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
    console.log(`Its password (shown once; change it under Preferences > Profile): ${createdAdmin.generatedPassword}`);
  }
}
