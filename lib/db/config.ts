// What DATABASE_URL means: SQLite at a file, or PostgreSQL. lib/env.ts checks the variable with
// databaseUrlProblem and fills in its default; the rest of the app reads the checked value through here.
import path from "node:path";

export type DatabaseConfig =
  { provider: "sqlite"; url: string; filePath: string } | { provider: "postgresql"; url: string };

/** Why the URL names no database Tessera can use, or null; never repeats the value (it may hold a password). */
export function databaseUrlProblem(url: string): string | null {
  if (url.startsWith("file:")) return filePart(url) ? null : "'file:' needs a path, e.g. file:./data/tessera.db";
  if (/^postgres(ql)?:\/\//.test(url)) return null;
  // Echo only a scheme: a value without one may be a pasted password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
  return (
    "must start with file: (SQLite) or postgresql:// (PostgreSQL); " +
    (scheme ? `got a value starting with ${JSON.stringify(scheme)}` : "got a value without a scheme")
  );
}

export function databaseConfig(url: string): DatabaseConfig {
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(`DATABASE_URL ${problem}`);
  if (!url.startsWith("file:")) return { provider: "postgresql", url };
  const filePath = path.resolve(/* turbopackIgnore: true */ filePart(url));
  return { provider: "sqlite", url: `file:${filePath}`, filePath };
}

function filePart(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}
