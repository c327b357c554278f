// Stopping the server (SIGTERM, as a container runtime does): requests in flight are finished, the
// lastUsed times still buffered in memory are written, and only then does the process exit.
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";

let server: TestServer;
const basic = "Basic " + Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString("base64");

beforeAll(async () => {
  // Its own instance (the shared one keeps running), with an interval long enough that only a flush writes.
  server = await startTestServer(Number(process.env.SHUTDOWN_TEST_PORT ?? testPort(3132)), {
    LAST_USED_INTERVAL_SECONDS: "3600",
  });
});

afterAll(async () => {
  await server.stop();
});

function readDatabase<T>(query: (db: Database.Database) => T): T {
  const db = new Database(server.databaseFile, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** A password-authenticated creation on its own connection; `connected` resolves once the server accepted it. */
function createTokenOnNewConnection(description: string) {
  let onConnect = () => {};
  const connected = new Promise<void>((resolve) => (onConnect = resolve));
  const answered = new Promise<number | string>((resolve) => {
    const { hostname, port } = new URL(server.url);
    const request = http.request(
      {
        host: hostname,
        port,
        path: "/v4/apiAccessTokens",
        method: "POST",
        agent: false,
        headers: { authorization: basic, "content-type": "application/json" },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("socket", (socket) => socket.on("connect", onConnect));
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.end(JSON.stringify({ lifetimeSeconds: 3600, description }));
  });
  return { connected, answered };
}

function createToken(description: string) {
  return fetch(`${server.url}/v4/apiAccessTokens`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify({ lifetimeSeconds: 3600, description }),
  });
}

test("SIGTERM finishes the requests in flight and flushes buffered lastUsed times before exiting", async () => {
  const created = await createToken("used before shutdown");
  expect(created.status).toBe(201);
  const { tokenValue, tokenInfo } = (await created.json()) as { tokenValue: string; tokenInfo: { tokenId: string } };
  const use = () => fetch(`${server.url}/v4/people/current`, { headers: { authorization: `Bearer ${tokenValue}` } });

  expect((await use()).status).toBe(200); // the first use is written at once
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const before = Date.now();
  expect((await use()).status).toBe(200); // this one stays in memory: the interval is an hour

  const lastUsed = () =>
    readDatabase((db) => {
      const row = db.prepare(`SELECT "lastUsedAt" FROM "AccessToken" WHERE "id" = ?`).get(tokenInfo.tokenId) as
        { lastUsedAt: string | null } | undefined;
      return row?.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
    });
  expect(lastUsed()).toBeLessThan(before);

  // Password-authenticated creations take a bcrypt verification each (run a few at a time), so several of
  // them are still being worked on when the signal arrives.
  const inFlight = Array.from({ length: 6 }, (_, i) => createTokenOnNewConnection(`in flight ${i}`));
  await Promise.all(inFlight.map((request) => request.connected));
  const stopped = server.stop(); // SIGTERM to the start script and the server below it
  const answers = await Promise.all(inFlight.map((request) => request.answered));
  expect(answers).toEqual([201, 201, 201, 201, 201, 201]);
  await stopped;

  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // it is gone
  expect(lastUsed()).toBeGreaterThanOrEqual(before - 5);
  const stored = readDatabase(
    (db) =>
      db.prepare(`SELECT COUNT(*) AS n FROM "AccessToken" WHERE "description" LIKE 'in flight %'`).get() as {
        n: number;
      },
  );
  expect(stored.n).toBe(6);
});
