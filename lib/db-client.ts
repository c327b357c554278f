// Creates a PrismaClient for the configured database. Used by lib/db.ts in the app and by the
// start-up scripts, so it must not import "server-only".
import type { DatabaseConfig } from "@/lib/config/database";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { adapterFactoryFor, type AdapterOptions } from "./db-adapter";

export type { PrismaClient };

export function createDbClient(config: DatabaseConfig, options: AdapterOptions = {}): PrismaClient {
  const adapter = adapterFactoryFor(config, options);
  if (config.provider === "sqlite") return new PrismaClient({ adapter });
  // Both clients are generated from the same models (prisma/schemas.ts), so their APIs are the same;
  // the SQLite client's type stands for both.
  return new PostgresClient({ adapter }) as unknown as PrismaClient;
}
