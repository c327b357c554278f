import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import {
  api,
  bearer,
  createToken,
  createUserWithToken,
  listTokens,
  withSettings,
  type CreatedToken,
} from "./support/client";
import { query, tableNames, timestampParam, usingPostgres } from "./support/database";

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

  test("each token row holds the SHA-256 of the whole value, and no column holds the value or its secret", async () => {
    for (const { tokenValue, tokenInfo } of tokens) {
      const [row] = await query('SELECT * FROM "AccessToken" WHERE "id" = ?', [tokenInfo.tokenId]);
      expect(row).toBeDefined();
      expect(row?.secretHash).toBe(sha256(tokenValue));
      for (const value of Object.values(row ?? {})) {
        expect(String(value)).not.toContain(tokenValue);
        expect(String(value)).not.toContain(secretOf(tokenValue));
      }
    }
  });

  test("no table anywhere holds a token value or secret", async () => {
    const tables = await tableNames();
    expect(tables).toEqual(expect.arrayContaining(["AccessToken", "User", "Workspace"]));
    for (const name of tables) {
      const text = JSON.stringify(await query(`SELECT * FROM "${name.replaceAll('"', '""')}"`));
      for (const { tokenValue } of tokens) {
        expect(text, name).not.toContain(tokenValue);
        expect(text, name).not.toContain(secretOf(tokenValue));
      }
    }
  });

  // PostgreSQL's files are not ours to read; the table scan above covers it.
  test.skipIf(usingPostgres())(
    "the raw bytes of the SQLite file and its journals contain the hashes, never the values",
    () => {
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
    },
  );
});

// User.tokenCount is kept by triggers (the token_count migration), so it must follow every way a token row
// comes and goes: created and deleted through the API, revoked by value, and rows written by hand.
describe("each person's tokenCount", () => {
  test("follows creation, deletion, revocation and rows written straight into the table", async () => {
    const user = await createUserWithToken("token-count");
    const auth = bearer(user.token);
    const second = await createToken(auth, { lifetimeSeconds: 600 });
    const third = await createToken(auth, { lifetimeSeconds: 600 });
    expect((await api("DELETE", `/v4/apiAccessTokens/${second.tokenInfo.tokenId}`, { auth })).status).toBe(204);
    const revoked = await api("POST", "/v4/apiAccessTokens/revoke", { json: { tokenValue: third.tokenValue } });
    expect(revoked.status).toBe(202);
    const handWritten = `handwritten${Date.now()}`;
    await query(
      'INSERT INTO "AccessToken" ("id", "userId", "description", "secretHash", "createdAt") VALUES (?, ?, ?, ?, ?)',
      [handWritten, user.person.id, "", sha256(handWritten), timestampParam(new Date())],
    );
    const [row] = await query<{ tokenCount: number | string }>('SELECT "tokenCount" FROM "User" WHERE "id" = ?', [
      user.person.id,
    ]);
    expect(Number(row?.tokenCount)).toBe(2);
    expect((await listTokens(auth)).count).toBe(2);
    await query('DELETE FROM "AccessToken" WHERE "id" = ?', [handWritten]);
    expect((await listTokens(auth)).count).toBe(1);
  });

  test("matches the rows of every person, after everything the other test files did", async () => {
    const drifted = await query(
      `SELECT u."id", u."tokenCount", (SELECT COUNT(*) FROM "AccessToken" t WHERE t."userId" = u."id") AS "rows"
       FROM "User" u
       WHERE u."tokenCount" <> (SELECT COUNT(*) FROM "AccessToken" t WHERE t."userId" = u."id")`,
    );
    expect(drifted).toEqual([]);
  });
});
