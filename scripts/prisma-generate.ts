// Generates the Prisma clients for SQLite and PostgreSQL, offline. The `prisma-client` generator needs
// no native engine, but the CLI tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY points at a file.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaFor } from "@/lib/db/schemas";

for (const provider of ["sqlite", "postgresql"] as const) {
  const schema = schemaFor(provider);
  if (provider !== "sqlite") {
    mkdirSync(path.dirname(schema.path), { recursive: true });
    writeFileSync(
      schema.path,
      `// Generated from prisma/schema.prisma by scripts/prisma-generate.ts: do not edit.\n${schema.text}`,
    );
  }
  const result = spawnSync("npx", ["prisma", "generate", "--schema", schema.path], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
