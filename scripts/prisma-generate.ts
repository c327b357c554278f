// Generates the Prisma client offline: the `prisma-client` generator needs no native engine, but the
// CLI tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY points at an existing file.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
