// Applies prisma/migrations to the configured database, offline, keeping Prisma's standard
// _prisma_migrations history (so `prisma migrate deploy` elsewhere agrees with it).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { DatabaseConfig } from "../lib/config/database";
import { openSchemaEngine } from "./schema-engine";
import { readMigrationsList, schemaPath } from "./migrations-list";

const noFilters = { externalTables: [], externalEnums: [] };

export async function applyMigrations(db: DatabaseConfig): Promise<string[]> {
  if (db.provider !== "sqlite") throw new Error("PostgreSQL migrations are not supported yet");
  mkdirSync(path.dirname(db.filePath), { recursive: true });
  const { engine, close } = await openSchemaEngine(schemaPath, new PrismaBetterSqlite3({ url: db.url }));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationsList(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
