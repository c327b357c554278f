import "server-only";
import { env } from "@/lib/env";
import { databaseConfig } from "./config";
import { createDbClient, type PrismaClient } from "./connect";
import { fileIdentity, sameFile, type FileIdentity } from "./file";
import { createHotReader, type HotReader } from "./hot-reader";
import { closeRateLimitPool } from "./rate-limit-pool";

// The one place that owns the database client's lifecycle. The app holds `db` by import; it stands for the
// current client. With SQLite the file at the configured path can be deleted, or replaced by a restore,
// while the app runs: the client would go on reading the old file (and fail every write with
// SQLITE_READONLY_DBMOVED). So when the file at the path is no longer the one the client was made for,
// a new client takes over, which opens whatever file is then at the path, and never creates one: until a
// file is back, every query fails with SQLITE_CANTOPEN, answered 503.

type Current = { client: PrismaClient; reader: HotReader; file: FileIdentity | null };

/** How long a replaced client stays open for the requests already using it (at shutdown: 25 s at most). */
const RETIRE_AFTER_MS = 30_000;

const config = databaseConfig(env().DATABASE_URL);

function openClient(): Current {
  const client = createDbClient(config, { fileMustExist: true });
  const reader = createHotReader(config);
  return { client, reader, file: config.provider === "sqlite" ? fileIdentity(config.filePath) : null };
}

// One client per process, held on globalThis: Next.js may evaluate this module more than once in a process (for
// instrumentation.ts and for the routes, and again on reloads in development), and every copy must share it.
const globalForDb = globalThis as unknown as { tesseraDb?: Current };
const current = (): Current => (globalForDb.tesseraDb ??= openClient());

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    const { client } = current();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** A read on the path of every token check, through the driver rather than Prisma (lib/db/hot-reader.ts). */
export function hotRead<T>(sql: string, params: unknown[]): Promise<T[]> {
  return current().reader.query<T>(sql, params);
}

/** The SQLite database file's path; null for PostgreSQL. */
export const databaseFile: string | null = config.provider === "sqlite" ? config.filePath : null;

/** SQLite: hands over to a new client when the file at the path is not the one the current client is for. */
export function reopenIfFileReplaced(): void {
  if (!databaseFile) return;
  const held = current();
  if (sameFile(held.file, fileIdentity(databaseFile))) return;
  globalForDb.tesseraDb = openClient();
  const retire = () => Promise.all([held.client.$disconnect(), held.reader.close()]).catch(() => {});
  setTimeout(() => void retire(), RETIRE_AFTER_MS).unref();
}

/** At shutdown: closes this process's connections, the client's and the throttles' pool's. */
export async function closeDatabase(): Promise<void> {
  const held = globalForDb.tesseraDb;
  await Promise.all([held?.client.$disconnect(), held?.reader.close(), closeRateLimitPool()]);
}
