// Reads and writes the running server's database directly, whichever it is: for checks the API cannot
// make (what is stored) and states it cannot reach quickly (an old token). Write SQL with ? placeholders.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { sqlAt } from "../../support/sql";

export const usingPostgres = (): boolean => inject("databaseUrl").startsWith("postgres");

export async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return sqlAt<T>(inject("databaseUrl"), sql, params);
}

/** A timestamp as the database's Prisma adapter stores it. */
export function timestampParam(date: Date): Date | string {
  return usingPostgres() ? date : date.toISOString().replace("Z", "+00:00");
}

export async function tableNames(): Promise<string[]> {
  const rows = usingPostgres()
    ? await query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
      )
    : await query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
  return rows.map((row) => row.name);
}

/** The number of stored tokens of one person, read straight from the database. */
export async function storedTokenCount(userId: string): Promise<number> {
  const [row] = await query<{ n: number | string }>('SELECT COUNT(*) AS n FROM "AccessToken" WHERE "userId" = ?', [
    userId,
  ]);
  return Number(row.n);
}

export type RawFile = { file: string; bytes: Buffer };

/**
 * The bytes the database keeps on disk. SQLite: the file and its journals. PostgreSQL: after a CHECKPOINT,
 * every table's and index's main relation file (and TOAST), read through the server with
 * pg_read_binary_file (the test role is a superuser), so this works wherever the server runs.
 */
export async function rawDatabaseFiles(): Promise<RawFile[]> {
  if (!usingPostgres()) {
    const databaseFile = inject("databaseFile");
    const dir = path.dirname(databaseFile);
    return readdirSync(dir)
      .filter((name) => name.startsWith(path.basename(databaseFile)))
      .map((name) => path.join(dir, name))
      .map((file) => ({ file, bytes: readFileSync(file) }));
  }
  await query("CHECKPOINT");
  const relations = await query<{ file: string }>(
    `SELECT pg_relation_filepath(c.oid) AS file FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't') AND pg_relation_filepath(c.oid) IS NOT NULL`,
  );
  const files: RawFile[] = [];
  for (const { file } of relations) {
    // missing_ok: a relation dropped since the listing (another test's) has no file any more.
    const [row] = await query<{ bytes: Buffer | null }>("SELECT pg_read_binary_file(?, 0, 1000000000, true) AS bytes", [
      file,
    ]);
    files.push({ file, bytes: row?.bytes ?? Buffer.alloc(0) });
  }
  return files;
}
