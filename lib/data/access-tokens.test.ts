// Revoking by value does the same database work whether or not the token id exists, so its timing cannot tell
// a guesser which ids are real. Counted in SQL statements, recorded by the driver adapter as Prisma hands them
// over (synchronously, so none arrives late), against a real SQLite database with the app's migrations, not timed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditSource } from "@/lib/audit/source";
import type { DatabaseConfig } from "@/lib/db/config";
import { adapterFactoryFor } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { checksumOf, generateToken, hashToken, randomBase62, SECRET_LENGTH, TOKEN_PREFIX } from "@/lib/tokens/format";

const source: AuditSource = {
  method: "anonymous",
  tokenId: null,
  sessionId: null,
  clientAddress: "203.0.113.7",
  userAgent: "test",
};

const dir = mkdtempSync(path.join(os.tmpdir(), "tessera-revoke-"));
const file = path.join(dir, "tessera.db");
const config: DatabaseConfig = { provider: "sqlite", url: `file:${file}`, filePath: file };
let client: PrismaClient;
const statements: string[] = [];
let revokeLeakedToken: typeof import("./access-tokens").revokeLeakedToken;

/** Wraps a driver adapter (or its connection, or a transaction) so that every statement it runs is recorded. */
function recording<T extends object>(target: T): T {
  return new Proxy(target, {
    get(held, property) {
      const value: unknown = Reflect.get(held, property, held);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return (query: { sql: string }, ...rest: unknown[]) => {
          statements.push(query.sql);
          return value.call(held, query, ...rest);
        };
      }
      if (property === "commit" || property === "rollback") {
        return (...args: unknown[]) => {
          statements.push(property.toUpperCase());
          return value.apply(held, args);
        };
      }
      if (property === "connect" || property === "startTransaction") {
        return async (...args: unknown[]) => recording(await value.apply(held, args));
      }
      return value.bind(held);
    },
  });
}

/** A well-formed value (valid checksum) for this token id, with a secret nobody was given. */
function wrongSecretFor(tokenId: string): string {
  const body = `${TOKEN_PREFIX}${tokenId}_${randomBase62(SECRET_LENGTH)}`;
  return body + checksumOf(body);
}

async function newToken(): Promise<{ tokenId: string; tokenValue: string }> {
  const token = generateToken();
  await client.accessToken.create({
    data: { id: token.tokenId, userId: "user-1", secretHash: hashToken(token.tokenValue) },
  });
  return token;
}

/** The SQL statements one revocation sends. */
async function statementsOf(tokenValue: string): Promise<string[]> {
  const start = statements.length;
  await revokeLeakedToken(tokenValue, "workspace-1", source);
  return statements.slice(start);
}

beforeAll(async () => {
  await applyMigrations(config);
  client = new PrismaClient({ adapter: recording(adapterFactoryFor(config)) });
  // lib/db/client.ts takes the process's client from here when one is set: the data function then uses this one.
  (globalThis as { tesseraDb?: unknown }).tesseraDb = { client, file: null };
  ({ revokeLeakedToken } = await import("./access-tokens"));
  await client.workspace.create({ data: { id: "workspace-1", name: "Test" } });
  await client.user.create({
    data: { id: "user-1", workspaceId: "workspace-1", email: "a@example.test", name: "A", passwordHash: "x" },
  });
}, 60_000);

afterAll(async () => {
  delete (globalThis as { tesseraDb?: unknown }).tesseraDb;
  await client?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("revokeLeakedToken", () => {
  it("sends the same statements for a real token id with a wrong secret as for an id that does not exist", async () => {
    const { tokenId } = await newToken();
    const knownId = await statementsOf(wrongSecretFor(tokenId));
    const unknownId = await statementsOf(generateToken().tokenValue);
    expect(knownId.length).toBeGreaterThan(0);
    expect(knownId).toEqual(unknownId);
    expect(await client.accessToken.count({ where: { id: tokenId } })).toBe(1);
    expect(await client.auditEvent.count({ where: { tokenId } })).toBe(0);
  });

  it("sends nothing at all for a value that is not a well-formed token", async () => {
    expect(await statementsOf("not a token")).toEqual([]);
    expect(await statementsOf(`${generateToken().tokenValue.slice(0, -1)}x`)).toEqual([]);
  });

  it("deletes the token with its real value and records token.revoked about its owner", async () => {
    const { tokenId, tokenValue } = await newToken();
    await expect(revokeLeakedToken(tokenValue, "workspace-1", source)).resolves.toBe(true);
    expect(await client.accessToken.count({ where: { id: tokenId } })).toBe(0);
    const events = await client.auditEvent.findMany({ where: { tokenId } });
    expect(events).toMatchObject([
      {
        type: "token.revoked",
        workspaceId: "workspace-1",
        subjectId: "user-1",
        actorId: null,
        actorMethod: "anonymous",
      },
    ]);
    await expect(revokeLeakedToken(tokenValue, "workspace-1", source)).resolves.toBe(false);
  });

  it("revokes nothing at another workspace's address, and records nothing", async () => {
    const { tokenId, tokenValue } = await newToken();
    await expect(revokeLeakedToken(tokenValue, "workspace-2", source)).resolves.toBe(false);
    expect(await client.accessToken.count({ where: { id: tokenId } })).toBe(1);
    expect(await client.auditEvent.count({ where: { tokenId } })).toBe(0);
  });
});
