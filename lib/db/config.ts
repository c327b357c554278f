// Which database Tessera uses, from DATABASE_URL. Shared by the app and the start-up scripts, so it
// must not import "server-only".
import path from "node:path";

export type DatabaseConfig =
  { provider: "sqlite"; url: string; filePath: string } | { provider: "postgresql"; url: string };

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/* turbopackIgnore: true */ env.DATA_DIR || "data");
}

export class ConfigError extends Error {}

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() || `file:${path.join(dataDir(env), "tessera.db")}`;
  if (url.startsWith("file:")) {
    const filePath = path.resolve(/* turbopackIgnore: true */ url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    if (!url.slice("file:".length))
      throw new ConfigError("DATABASE_URL 'file:' needs a path, e.g. file:./data/tessera.db");
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  // Echo only a scheme: a value without one may be a pasted password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
  throw new ConfigError(
    "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); " +
      (scheme ? `got a value starting with ${JSON.stringify(scheme)}` : "got a value without a scheme"),
  );
}
