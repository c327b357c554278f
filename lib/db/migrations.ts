// The offline migration runner: applies the provider's migrations folder to the configured database through
// Prisma's WebAssembly schema engine, keeping Prisma's standard _prisma_migrations history (so `prisma migrate
// deploy` elsewhere agrees with it). Used by start-up (scripts/prepare-database.ts) and `npm run db:migrate`.
import { mkdirSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type { DatabaseConfig } from "./config";
import { adapterFactoryFor } from "./connect";
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

/** Reads a migrations folder the way the Prisma CLI does, for the schema engine. */
export async function readMigrationsList(baseDir: string): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockContent = await readFile(path.join(baseDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(baseDir, dir, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}
