// Writes the next migration for both providers, under the same name:
//   prisma/migrations/<stamp>_<name>/migration.sql             (SQLite)
//   prisma/migrations-postgresql/<stamp>_<name>/migration.sql  (PostgreSQL)
// Usage: npm run db:new-migration -- <name>
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { readMigrationsList } from "@/lib/db/migrations";
import { openSchemaEngine } from "@/lib/db/schema-engine";
import { schemaFor, type SchemaSource } from "@/lib/db/schemas";

const filters = { externalTables: [], externalEnums: [] };
const EMPTY = "-- This is an empty migration.";

/** SQLite: the SQL from a throwaway database with every migration applied, to the schema. */
async function sqliteMigration(schema: SchemaSource): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tessera-shadow-"));
  const { engine, close } = await openSchemaEngine(schema, new PrismaBetterSqlite3({ url: `file:${dir}/shadow.db` }));
  try {
    await engine.applyMigrations({ migrationsList: await readMigrationsList(schema.migrationsDir), filters });
    const files = [{ path: schema.path, content: schema.text }];
    const from = { tag: "schemaDatasource" as const, files, configDir: path.dirname(schema.path) };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout ?? "";
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * PostgreSQL: a schema-to-schema diff, from the snapshot of the schema the last migration was written for
 * (kept beside the migrations) to the current one. Nothing is read from or written to the database, but
 * the engine insists on connecting to one: TEST_DATABASE_URL, or the local default.
 */
async function postgresMigration(schema: SchemaSource): Promise<string> {
  const snapshot = path.join(schema.migrationsDir, "schema.snapshot.prisma");
  const { engine, close } = await openSchemaEngine(
    schema,
    new PrismaPg({ connectionString: process.env.TEST_DATABASE_URL || "postgresql://root@127.0.0.1:5432/test" }),
  );
  try {
    const from = existsSync(snapshot)
      ? { tag: "schemaDatamodel" as const, files: [{ path: snapshot, content: readFileSync(snapshot, "utf8") }] }
      : { tag: "empty" as const };
    const to = { tag: "schemaDatamodel" as const, files: [{ path: schema.path, content: schema.text }] };
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters });
    return result.stdout ?? "";
  } finally {
    await close();
  }
}

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const provider of ["sqlite", "postgresql"] as const) {
  const schema = schemaFor(provider);
  const sql = provider === "sqlite" ? await sqliteMigration(schema) : await postgresMigration(schema);
  if (!sql.trim() || sql.includes(EMPTY)) {
    console.log(`${provider}: the schema matches the migrations; nothing to write.`);
    continue;
  }
  const dir = path.join(schema.migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(schema.migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
  if (provider === "postgresql") writeFileSync(path.join(schema.migrationsDir, "schema.snapshot.prisma"), schema.text);
  console.log(`${provider}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
