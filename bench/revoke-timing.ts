// How long revoking by value takes for a made-up token id and for a real id with a wrong secret, on a fresh
// SQLite database: the two must not differ, or timing tells a guesser which ids exist (docs/security.md).
//   npx tsx --conditions=react-server bench/revoke-timing.ts [calls per kind, default 3000] [revoke module]
// The module argument measures another version, e.g. the one before a change:
//   git show <commit>:lib/data/access-tokens.ts > lib/data/access-tokens-before.ts  (then pass that file)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AuditSource } from "../lib/audit/source";
import type { DatabaseConfig } from "../lib/db/config";
import { adapterFactoryFor } from "../lib/db/connect";
import { applyMigrations } from "../lib/db/migrations";
import { PrismaClient } from "../lib/generated/sqlite/client";
import { checksumOf, generateToken, hashToken, randomBase62, SECRET_LENGTH, TOKEN_PREFIX } from "../lib/tokens/format";

type Revoke = (tokenValue: string, workspaceId: string, source: AuditSource) => Promise<boolean>;

const calls = Number(process.argv[2] ?? 3000);
const modulePath = path.resolve(process.argv[3] ?? "lib/data/access-tokens.ts");
const source: AuditSource = {
  method: "anonymous",
  tokenId: null,
  sessionId: null,
  clientAddress: "203.0.113.7",
  userAgent: "bench",
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function microseconds(revoke: Revoke, value: () => string): Promise<number> {
  const start = process.hrtime.bigint();
  await revoke(value(), "w", source);
  return Number(process.hrtime.bigint() - start) / 1000;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tessera-revoke-bench-"));
  const file = path.join(dir, "tessera.db");
  const config: DatabaseConfig = { provider: "sqlite", url: `file:${file}`, filePath: file };
  await applyMigrations(config);
  const db = new PrismaClient({ adapter: adapterFactoryFor(config) });
  (globalThis as { tesseraDb?: unknown }).tesseraDb = db;
  const { revokeLeakedToken } = (await import(modulePath)) as { revokeLeakedToken: Revoke };
  await db.workspace.create({ data: { id: "w", name: "Bench" } });
  await db.user.create({ data: { id: "u", workspaceId: "w", email: "b@example.test", name: "B", passwordHash: "x" } });
  const real = generateToken();
  await db.accessToken.create({ data: { id: real.tokenId, userId: "u", secretHash: hashToken(real.tokenValue) } });

  const wrongSecret = () => {
    const body = `${TOKEN_PREFIX}${real.tokenId}_${randomBase62(SECRET_LENGTH)}`;
    return body + checksumOf(body);
  };
  const unknownId = () => generateToken().tokenValue;
  const times = { unknownId: [] as number[], knownIdWrongSecret: [] as number[] };
  // Interleaved, after a warm-up, so that drift on a shared machine hits both kinds alike.
  for (let i = 0; i < 200; i++) await microseconds(revokeLeakedToken, unknownId);
  for (let i = 0; i < calls; i++) {
    times.unknownId.push(await microseconds(revokeLeakedToken, unknownId));
    times.knownIdWrongSecret.push(await microseconds(revokeLeakedToken, wrongSecret));
  }
  const unknown = median(times.unknownId);
  const known = median(times.knownIdWrongSecret);
  console.log(`${path.relative(process.cwd(), modulePath)}, ${calls} calls each, median per call:`);
  console.log(`  unknown id:              ${unknown.toFixed(1)} µs`);
  console.log(`  real id, wrong secret:   ${known.toFixed(1)} µs`);
  console.log(
    `  difference:              ${(known - unknown).toFixed(1)} µs (${((known / unknown - 1) * 100).toFixed(1)} %)`,
  );
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

void main();
