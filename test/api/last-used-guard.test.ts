// The SQL guard that keeps lastUsed from moving backwards, tested directly on the suite's database (SQLite
// or PostgreSQL): whichever instance's flush lands last, an older use never overwrites a newer one.
import { afterAll, expect, inject, test } from "vitest";
import { lastUsedWriter } from "@/lib/data/token-use";
import { databaseConfig } from "@/lib/db/config";
import { createDbClient } from "@/lib/db/connect";
import { adminToken, api, bearer, createUserWithToken, expectTokenInfo } from "./support/client";

const client = createDbClient(databaseConfig(inject("databaseUrl")));
const write = lastUsedWriter(client);
afterAll(() => client.$disconnect());

// Read with the admin's token: a read with the token itself would be a use of it.
async function lastUsedOf(tokenId: string): Promise<string | null> {
  const response = await api("GET", `/v4/apiAccessTokens/${tokenId}`, { auth: bearer(await adminToken()) });
  return expectTokenInfo(response.body).lastUsed;
}

test("an older use written after a newer one leaves the newer time; a newer one replaces it", async () => {
  const { token } = await createUserWithToken("last-used-guard");
  const { tokenId } = token.tokenInfo;
  const newer = new Date(Date.now() + 60_000);
  const older = new Date(Date.now() - 60_000);

  await write(new Map([[tokenId, newer]]));
  expect(await lastUsedOf(tokenId)).toBe(newer.toISOString());
  await write(new Map([[tokenId, older]]));
  expect(await lastUsedOf(tokenId)).toBe(newer.toISOString());
  const newest = new Date(newer.getTime() + 1000);
  await write(new Map([[tokenId, newest]]));
  expect(await lastUsedOf(tokenId)).toBe(newest.toISOString());
});
