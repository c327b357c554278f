// Connects to the configured database: the Prisma driver adapter, and a PrismaClient over it. The app's one
// client (lib/db/client.ts), the migrations and the start-up scripts all connect here, so no "server-only".
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient, type Prisma } from "@/lib/generated/sqlite/client";
import type { DatabaseConfig } from "./config";

// The SQLite client's types stand for both providers' (createDbClient says why).
export type { Prisma, PrismaClient };

export type AdapterOptions = {
  /** SQLite: refuse to open a missing file instead of creating an empty database (the running app). */
  fileMustExist?: boolean;
};

export function adapterFactoryFor(
  config: DatabaseConfig,
  { fileMustExist = false }: AdapterOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  if (config.provider === "sqlite") return new PrismaBetterSqlite3({ url: config.url, timeout: 5000, fileMustExist });
  return new PrismaPg({
    connectionString: config.url,
    max: env().DATABASE_POOL_SIZE,
    // Fail fast when the database is unreachable, so requests get a 503 instead of hanging.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
}

export function createDbClient(config: DatabaseConfig, options: AdapterOptions = {}): PrismaClient {
  const adapter = adapterFactoryFor(config, options);
  if (config.provider === "sqlite") return new PrismaClient({ adapter });
  // Both clients are generated from the same models (lib/db/schemas.ts), so their APIs are the same;
  // the SQLite client's type stands for both.
  return new PostgresClient({ adapter }) as unknown as PrismaClient;
}
