// Start-up configuration, checked before anything starts: a bad value stops start-up with a message
// that says what to fix. Secrets are never echoed back.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { auditRetentionDays } from "@/lib/audit/retention";
import { sessionMaxLifetimeSeconds } from "@/lib/auth/session-lifetime";
import { ConfigError, databaseConfig, dataDir, type DatabaseConfig } from "@/lib/db/config";

export type StartConfig = {
  port: number;
  hostname: string;
  database: DatabaseConfig;
  dataDir: string;
  nextAuthSecret: string;
  nextAuthUrl: string;
  admin: { email: string; password: string | null };
  /** Days audit events are kept; 0 = forever (pruned by the app, lib/data/audit-retention.ts). */
  auditRetentionDays: number;
  /** The absolute lifetime of a sign-in session (lib/auth/session-lifetime.ts). */
  sessionMaxLifetimeSeconds: number;
};

export function loadStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535; got ${JSON.stringify(env.PORT)}`);
  }
  const adminEmail = (env.ADMIN_EMAIL ?? "admin@example.com").trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) throw new ConfigError("ADMIN_EMAIL must be an email address");
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError("ADMIN_PASSWORD must be at least 8 characters");
  }
  const nextAuthUrl = env.NEXTAUTH_URL || `http://localhost:${port}`;
  try {
    new URL(nextAuthUrl);
  } catch {
    throw new ConfigError("NEXTAUTH_URL must be the app's public URL, e.g. https://tessera.example.com");
  }
  const dir = dataDir(env);
  return {
    port,
    hostname: env.HOSTNAME || "0.0.0.0",
    database: databaseConfig(env),
    dataDir: dir,
    nextAuthSecret: env.NEXTAUTH_SECRET || readOrCreateSecret(dir),
    nextAuthUrl,
    admin: { email: adminEmail, password: adminPassword },
    auditRetentionDays: checked(() => auditRetentionDays(env)),
    sessionMaxLifetimeSeconds: checked(() => sessionMaxLifetimeSeconds(env)),
  };
}

function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}

/** NEXTAUTH_SECRET, when not given, is generated once and kept (mode 0600) in the data folder. */
function readOrCreateSecret(dir: string): string {
  const file = path.join(dir, "nextauth-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length < 32)
      throw new ConfigError(`${file} holds a secret shorter than 32 characters; delete it or set NEXTAUTH_SECRET`);
    return secret;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}

export { ConfigError };
