import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { api, bearer, createToken, createUserWithToken, withSettings, type CreatedToken } from "./support/client";
import { query, rawDatabaseFiles, tableNames } from "./support/database";

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
      // With the password: a token created with an expiring token cannot be non-expiring.
      const basic = { basic: { email: user.email, password: user.password } };
      tokens.push(await createToken(basic, { lifetimeSeconds: -1, description: "forever" }));
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

  test("the raw bytes of the database's files contain the hashes, never the values", async () => {
    const contents = await rawDatabaseFiles();
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
