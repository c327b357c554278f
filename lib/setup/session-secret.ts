// The secret that signs session cookies: NEXTAUTH_SECRET when set; otherwise generated once and kept (mode
// 0600) in the data folder. Start-up exports it to the server process, where next-auth reads it.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, type Env } from "@/lib/env";

export function sessionSecret(settings: Pick<Env, "NEXTAUTH_SECRET" | "DATA_DIR">): string {
  return settings.NEXTAUTH_SECRET ?? readOrCreateSecret(settings.DATA_DIR);
}

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
