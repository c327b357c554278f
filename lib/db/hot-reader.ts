import "server-only";
import { createHash } from "node:crypto";
import Database, { type Statement } from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "./config";

/**
 * Reads on the path of every token check, sent through the driver itself instead of Prisma: Prisma's query
 * engine costs about 110 µs of CPU per query on SQLite and 250 µs on PostgreSQL (measured: 120 against 11 µs
 * for the token's read through better-sqlite3, 325 against 73 µs through pg), which is most of what a forward
 * auth check may cost. SQL is written once for both databases: double-quoted identifiers, `?` placeholders.
 * Writes stay with Prisma.
 */
export type HotReader = {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** PostgreSQL connections for these reads, per instance, beside the client's DATABASE_POOL_SIZE. */
const POSTGRES_POOL_SIZE = 4;

export function createHotReader(config: DatabaseConfig): HotReader {
  return config.provider === "sqlite" ? sqliteReader(config.filePath) : postgresReader(config.url);
}

// A second, read-only connection to the file: better-sqlite3 answers synchronously on this one thread, so its
// reads never overlap the client's writes. Opened at the first read, never creating the file (a missing file is
// SQLITE_CANTOPEN, answered 503, as with the client).
function sqliteReader(filePath: string): HotReader {
  let connection: Database.Database | null = null;
  const statements = new Map<string, Statement>();
  return {
    async query<T>(sql: string, params: unknown[]) {
      connection ??= new Database(filePath, { readonly: true, fileMustExist: true, timeout: 5000 });
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
      return statement.all(...params) as T[];
    },
    async close() {
      connection?.close();
      connection = null;
    },
  };
}

// Prisma stores times in `timestamp(3)` columns, in UTC; pg would read them as local times.
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A pooled connection the server ended (a restart, a failover, an administrator) that the pool had not noticed
 * yet: the read never ran, so it is sent once more, on a new connection.
 */
export function isDroppedConnection(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === "57P01" || code === "57P02" || code === "ECONNRESET" || code === "EPIPE") return true;
  return typeof message === "string" && /Connection terminated|Client has encountered a connection error/.test(message);
}

// Named statements: PostgreSQL parses and plans each once per connection.
function postgresReader(url: string): HotReader {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE, connectionTimeoutMillis: 5000, types });
  // An idle connection ended by the server is dropped by the pool; unheard, its error would end the process.
  pool.on("error", () => {});
  const names = new Map<string, { name: string; text: string }>();
  return {
    async query<T>(sql: string, params: unknown[]) {
      let named = names.get(sql);
      if (!named) {
        let n = 0;
        const text = sql.replace(/\?/g, () => `$${++n}`);
        named = { name: `hot_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`, text };
        names.set(sql, named);
      }
      const query = { ...named, values: params };
      try {
        return (await pool.query(query)).rows as T[];
      } catch (error) {
        if (!isDroppedConnection(error)) throw error;
        return (await pool.query(query)).rows as T[];
      }
    },
    close: () => pool.end(),
  };
}
