// A session has an absolute lifetime (SESSION_MAX_LIFETIME_SECONDS) besides the idle one: past it, the cookie
// is refused and next-auth's GET /api/auth/session no longer renews it, however often it was renewed before.
// Its own server, with a lifetime of a few seconds; the shared one keeps the default.
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { sessionCookieOf, signIn, sleep, type Session } from "./support/client";

const LIFETIME_SECONDS = 3;
const port = Number(process.env.SESSION_LIFETIME_TEST_PORT ?? testPort(3138));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(port, { SESSION_MAX_LIFETIME_SECONDS: String(LIFETIME_SECONDS) });
});

afterAll(async () => {
  await server?.stop();
});

type StoredSession = { id: string; createdAt: string; expiresAt: string };

function storedSessions(): StoredSession[] {
  const db = new Database(server.databaseFile, { readonly: true });
  try {
    return db.prepare(`SELECT "id", "createdAt", "expiresAt" FROM "sessions"`).all() as StoredSession[];
  } finally {
    db.close();
  }
}

const get = (path: string, session: Session) => fetch(`${server.url}${path}`, { headers: { Cookie: session.cookie } });

test("past its absolute lifetime a session is refused and not renewed; the next sign-in prunes it", async () => {
  const session = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, server.url);
  // The session started before signIn returned, so it has certainly expired by then.
  await sleep(LIFETIME_SECONDS * 1000 + 100);
  const renewed = await get("/api/auth/session", session);
  expect(await renewed.json()).toEqual({});
  expect(sessionCookieOf(renewed.headers)).toBe("");
  const me = await get("/v4/people/current", session);
  expect(me.status).toBe(401);

  const [stored] = storedSessions();
  expect(new Date(stored.expiresAt).getTime() - new Date(stored.createdAt).getTime()).toBe(LIFETIME_SECONDS * 1000);
  await signIn(TEST_ADMIN.email, TEST_ADMIN.password, server.url);
  expect(storedSessions().map((row) => row.id)).not.toContain(stored.id);
});
