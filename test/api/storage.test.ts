import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import {
  api,
  bearer,
  createToken,
  createUserWithToken,
  openDatabase,
  withSettings,
  type CreatedToken,
} from "./support/client";

// The database holds only the SHA-256 of each token value: never the value, nor its secret part.
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const secretOf = (tokenValue: string) => tokenValue.slice("tsr_".length + 16 + 1, "tsr_".length + 16 + 1 + 43);

describe("token values are never stored in clear", () => {
  const tokens: CreatedToken[] = [];
  beforeAll(async () => {
    const user = await createUserWithToken("storage");
    tokens.push(user.token);
    tokens.push(await createToken(bearer(user.token), { lifetimeSeconds: 600, description: "second" }));
    await withSettings({ maxUserTokenLifetimeDays: -1 }, async () => {
      tokens.push(await createToken(bearer(user.token), { lifetimeSeconds: -1, description: "forever" }));
    });
    // Use every token, so that lastUsed writes have happened too.
    for (const token of tokens)
      expect((await api("GET", "/v4/people/current", { auth: bearer(token) })).status).toBe(200);
  });

  test("each token row holds the SHA-256 of the whole value, and no column holds the value or its secret", () => {
    const db = openDatabase();
    try {
      for (const { tokenValue, tokenInfo } of tokens) {
        const row = db.prepare('SELECT * FROM "AccessToken" WHERE "id" = ?').get(tokenInfo.tokenId) as
          Record<string, unknown> | undefined;
        expect(row).toBeDefined();
        expect(row?.secretHash).toBe(sha256(tokenValue));
        for (const value of Object.values(row ?? {})) {
          expect(String(value)).not.toContain(tokenValue);
          expect(String(value)).not.toContain(secretOf(tokenValue));
        }
      }
    } finally {
      db.close();
    }
  });

  test("no table anywhere holds a token value or secret", () => {
    const db = openDatabase();
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["AccessToken", "User", "Workspace"]));
      for (const { name } of tables) {
        const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as Record<string, unknown>[];
        const text = JSON.stringify(rows);
        for (const { tokenValue } of tokens) {
          expect(text, name).not.toContain(tokenValue);
          expect(text, name).not.toContain(secretOf(tokenValue));
        }
      }
    } finally {
      db.close();
    }
  });

  test("the raw bytes of the database file and its journals contain the hashes, never the values", () => {
    const databaseFile = inject("databaseFile");
    const dir = path.dirname(databaseFile);
    const files = readdirSync(dir)
      .filter((name) => name.startsWith(path.basename(databaseFile)))
      .map((name) => path.join(dir, name));
    expect(files).toContain(databaseFile);
    const contents = files.map((file) => ({ file, bytes: readFileSync(file) }));
    for (const { tokenValue } of tokens) {
      // The control: the scan does see what is stored.
      expect(contents.some(({ bytes }) => bytes.includes(sha256(tokenValue)))).toBe(true);
      for (const { file, bytes } of contents) {
        expect(bytes.includes(tokenValue), file).toBe(false);
        expect(bytes.includes(secretOf(tokenValue)), file).toBe(false);
        expect(bytes.includes(tokenValue.slice(-20)), file).toBe(false);
      }
    }
  });
});
