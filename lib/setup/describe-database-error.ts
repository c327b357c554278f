import type { DatabaseConfig } from "@/lib/db/config";

/** Where the database is, for messages: host, port and name, never the user's password. */
export function databaseLocation(db: DatabaseConfig): string {
  if (db.provider === "sqlite") return db.filePath;
  try {
    const url = new URL(db.url);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return "(an unparseable PostgreSQL URL)";
  }
}

/** A start-up database failure as one sentence that says what to fix, without a stack trace or secret. */
export function describeDatabaseError(error: unknown, db: DatabaseConfig): string {
  const where = `${db.provider === "sqlite" ? "SQLite database" : "PostgreSQL"} at ${databaseLocation(db)}`;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return `nothing answers at ${where}: is the database running, and are host and port right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host of ${where} is unknown: check DATABASE_URL`;
    case "28P01":
    case "28000":
      return `${where} refused the user name or password in DATABASE_URL`;
    case "3D000":
      return `${where} does not exist: create it (createdb) or fix DATABASE_URL`;
    case "SQLITE_CANTOPEN":
      return `${where} cannot be opened: check that its folder is writable`;
  }
  if (/timeout/i.test(message ?? "")) return `${where} did not answer in time`;
  return `${where} failed: ${redact(message ?? String(error), db)}`;
}

function redact(text: string, db: DatabaseConfig): string {
  return db.provider === "postgresql"
    ? text.replaceAll(db.url, "DATABASE_URL").replace(/:\/\/[^@\s]*@/g, "://***@")
    : text;
}
