import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate). Migrations run through lib/db/migrations.ts, which needs no native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
