// One data model, two providers: prisma/schema.prisma is written for SQLite, and the PostgreSQL schema is
// derived from it by swapping the provider and the generated client's folder. Nothing else may differ.
// prisma/ holds the schema and the migrations; the tooling that reads them lives here.
import { readFileSync } from "node:fs";
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

const prismaDir = path.resolve(import.meta.dirname, "../../prisma");
export const sqliteSchemaPath = path.join(prismaDir, "schema.prisma");

export type SchemaSource = { provider: Provider; path: string; text: string; migrationsDir: string };

export function schemaFor(provider: Provider): SchemaSource {
  const text = readFileSync(sqliteSchemaPath, "utf8");
  if (provider === "sqlite") {
    return { provider, path: sqliteSchemaPath, text, migrationsDir: path.join(prismaDir, "migrations") };
  }
  const derived = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/sqlite"/, 'output = "../../lib/generated/postgresql"');
  if (!derived.includes('provider = "postgresql"') || !derived.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the provider or output line that lib/db/schemas.ts rewrites");
  }
  return {
    provider,
    path: path.join(prismaDir, "postgresql", "schema.prisma"),
    text: derived,
    migrationsDir: path.join(prismaDir, "migrations-postgresql"),
  };
}
