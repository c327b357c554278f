// A crash (SIGKILL, no chance to clean up) while tokens are being created leaves no half-token: each value a
// client was given works after a restart, and every stored token is whole (owner, expiry, a full SHA-256).
// A token whose answer was lost in the crash is stored but useless: nobody has its value; it is listed and
// can be deleted like any other.
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";

const port = Number(process.env.CRASH_TEST_PORT ?? testPort(3136));
const basic = "Basic " + Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString("base64");
let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
});

type Created = { tokenValue: string; tokenInfo: { tokenId: string } };

async function createToken(url: string, description: string): Promise<Created | null> {
  try {
    const response = await fetch(`${url}/v4/apiAccessTokens`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/json" },
      body: JSON.stringify({ lifetimeSeconds: 3600, description }),
    });
    return response.status === 201 ? ((await response.json()) as Created) : null;
  } catch {
    return null; // the server died under this request
  }
}

test("SIGKILL in the middle of token creations leaves only whole tokens, and every value handed out works", async () => {
  const first = await startTestServer(port);
  server = first;
  const attempts = Array.from({ length: 24 }, (_, i) => createToken(first.url, `crash ${i}`));
  // Kill once some have been answered and others are still being worked on (a bcrypt each, a few at a time).
  const answered: Created[] = [];
  await new Promise<void>((resolve) => {
    attempts.forEach((attempt) =>
      attempt.then((created) => {
        if (created) answered.push(created);
        if (answered.length === 3) resolve();
      }),
    );
  });
  process.kill(-first.pid, "SIGKILL");
  const handedOut = (await Promise.all(attempts)).filter((created): created is Created => created !== null);
  expect(handedOut.length).toBeGreaterThanOrEqual(3);
  expect(handedOut.length).toBeLessThan(24); // the crash did interrupt some

  const rows = (() => {
    const db = new Database(first.databaseFile, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      return db
        .prepare(
          `SELECT "id", "secretHash", "userId", "expiresAt" FROM "AccessToken" WHERE "description" LIKE 'crash %'`,
        )
        .all() as Array<{ id: string; secretHash: string; userId: string; expiresAt: number | null }>;
    } finally {
      db.close();
    }
  })();
  expect(rows.length).toBeGreaterThanOrEqual(handedOut.length);
  for (const row of rows) {
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.userId).toBeTruthy();
    expect(row.expiresAt).not.toBeNull();
  }

  server = await startTestServer(port, { DATA_DIR: first.dataDir });
  for (const { tokenValue } of handedOut) {
    const me = await fetch(`${server.url}/v4/people/current`, { headers: { authorization: `Bearer ${tokenValue}` } });
    expect(me.status).toBe(200);
  }
});
