// SQL straight on a Tessera database, whichever it is, for what tests check beneath the API. Write SQL with ?
// placeholders; they become $1, $2, ... on PostgreSQL.
import Database from "better-sqlite3";
import pg from "pg";

/** A query on the database at `url`: a postgresql:// URL, or file:<path> of a SQLite file that exists. */
export async function sqlAt<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (url.startsWith("postgres")) {
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
  const db = new Database(url.replace(/^file:/, ""), { fileMustExist: true });
  try {
    const statement = db.prepare(sql);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}
