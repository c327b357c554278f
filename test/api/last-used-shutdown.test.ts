// A use that is still buffered in memory when the server is told to stop is written before it exits.
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  // Its own instance (the shared one keeps running), with an interval long enough that only a flush writes.
  server = await startTestServer(Number(process.env.SHUTDOWN_TEST_PORT ?? 3132), {
    LAST_USED_INTERVAL_SECONDS: "3600",
  });
});

afterAll(async () => {
  await server.stop();
});

test("lastUsed buffered within the interval is flushed on SIGTERM", async () => {
  const basic = "Basic " + Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString("base64");
  const created = await fetch(`${server.url}/v4/apiAccessTokens`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify({ lifetimeSeconds: 3600 }),
  });
  expect(created.status).toBe(201);
  const { tokenValue, tokenInfo } = (await created.json()) as { tokenValue: string; tokenInfo: { tokenId: string } };
  const use = () => fetch(`${server.url}/v4/people/current`, { headers: { authorization: `Bearer ${tokenValue}` } });

  expect((await use()).status).toBe(200); // the first use is written at once
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const before = Date.now();
  expect((await use()).status).toBe(200); // this one stays in memory: the interval is an hour

  const lastUsed = () => {
    const db = new Database(server.databaseFile, { readonly: true });
    const row = db.prepare(`SELECT "lastUsedAt" FROM "AccessToken" WHERE "id" = ?`).get(tokenInfo.tokenId) as
      { lastUsedAt: string | null } | undefined;
    db.close();
    return row?.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
  };
  expect(lastUsed()).toBeLessThan(before);

  await server.stop(); // SIGTERM to the start script and `next start`
  expect(lastUsed()).toBeGreaterThanOrEqual(before - 5);
});
