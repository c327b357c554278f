// Run by scripts/start.ts in a process of its own: migrate the database and create the workspace and the
// first admin, under the start-up lock. A process of its own, so the Prisma clients and the migration engine
// (WebAssembly) it loads leave memory with it instead of staying beside the server for its whole life.
import { databaseConfig } from "@/lib/db/config";
import { createDbClient } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrations";
import { withStartupLock } from "@/lib/db/startup-lock";
import { bootstrap } from "@/lib/setup/bootstrap";
import { describeDatabaseError } from "@/lib/setup/describe-database-error";
import { cannotStart, settingsOrStop } from "./cannot-start";

const settings = settingsOrStop();
const db = databaseConfig(settings.DATABASE_URL);
const admin = { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD ?? null };
const { applied, createdAdmin } = await withStartupLock(db, async () => {
  const applied = await applyMigrations(db);
  const client = createDbClient(db);
  try {
    return { applied, ...(await bootstrap(client, admin)) };
  } finally {
    await client.$disconnect();
  }
}).catch((error: unknown) => cannotStart(describeDatabaseError(error, db)));
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
if (createdAdmin) {
  console.log(`Created the first admin: ${createdAdmin.email}`);
  if (createdAdmin.generatedPassword) {
    console.log(`Its password (shown once; change it under Preferences > Profile): ${createdAdmin.generatedPassword}`);
  }
}
