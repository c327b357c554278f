// Creates a PrismaClient for the configured database. Used by lib/db.ts in the app and by the
// start-up scripts, so it must not import "server-only".
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { type DatabaseConfig } from "@/lib/config/database";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createDbClient(config: DatabaseConfig): PrismaClient {
  if (config.provider !== "sqlite") throw new Error("PostgreSQL is not supported yet");
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: config.url, timeout: 5000 }) });
}
