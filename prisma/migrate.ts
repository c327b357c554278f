// Applies the provider's migrations folder to the configured database, offline, keeping Prisma's standard
// _prisma_migrations history (so `prisma migrate deploy` elsewhere agrees with it).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "../lib/config/database";
import { adapterFactoryFor } from "../lib/db-adapter";
import { readMigrationsList } from "./migrations-list";
import { openSchemaEngine } from "./schema-engine";
import { schemaFor } from "./schemas";

const noFilters = { externalTables: [], externalEnums: [] };

/** Run it inside withStartupLock: the engine itself does not stop two processes migrating at once. */
export async function applyMigrations(db: DatabaseConfig): Promise<string[]> {
  if (db.provider === "sqlite") mkdirSync(path.dirname(db.filePath), { recursive: true });
  const schema = schemaFor(db.provider);
  const { engine, close } = await openSchemaEngine(schema, adapterFactoryFor(db));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationsList(schema.migrationsDir),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
