// Reads and writes the running server's database directly, whichever it is: for checks the API cannot
// make (what is stored) and states it cannot reach quickly (an old token). Write SQL with ? placeholders.
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";

export const usingPostgres = (): boolean => inject("databaseUrl").startsWith("postgres");

export async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = inject("databaseUrl");
  if (usingPostgres()) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(inject("databaseFile"), { fileMustExist: true });
  try {
    const statement = db.prepare(sql);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
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
