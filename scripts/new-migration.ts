// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database with every
// existing migration applied to prisma/schema.prisma. Usage: npm run db:new-migration -- <name>
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { openSchemaEngine } from "../prisma/schema-engine";
import { migrationsDir, readMigrationsList, schemaPath } from "../prisma/migrations-list";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

const shadowDir = mkdtempSync(path.join(os.tmpdir(), "tessera-shadow-"));
const { engine, close } = await openSchemaEngine(
  schemaPath,
  new PrismaBetterSqlite3({ url: `file:${shadowDir}/shadow.db` }),
);
const filters = { externalTables: [], externalEnums: [] };
try {
  await engine.applyMigrations({ migrationsList: await readMigrationsList(), filters });
  const files = [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
  const result = await engine.diff({
    from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters,
  });
  const sql = result.stdout ?? "";
  if (sql.includes("This is an empty migration")) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, 'provider = "sqlite"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await close();
  rmSync(shadowDir, { recursive: true, force: true });
}
