// A PostgreSQL database that is there but cannot be used (findings 6 and 7): refusing connections, dropped,
// or read-only. Every route answers 503 database_unavailable with Retry-After, never 500; /healthz answers
// 503; signing in says the service is unavailable and names no host, port or database; and the app goes
// on by itself when the database is back. (A database out of reach on the network: database-outage.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SERVICE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";
import { testPort } from "../support/ports";
import { ADMIN_URL, createTestDatabase, type TestDatabase } from "../support/postgres";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { expectNothingInternal, postSignIn } from "../support/sign-in";
import { adminBasic, bearer, call, createToken, sql, type Reply } from "./support";

let database: TestDatabase;
let server: TestServer;
let token: string;
const backupName = () => `${database.name}_backup`;
const admin = (text: string) => sql(ADMIN_URL, text);
const terminateSessions = () =>
  sql(ADMIN_URL, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database.name]);

beforeAll(async () => {
  database = await createTestDatabase("tessera_unusable");
  server = await startTestServer(testPort(3152), { DATABASE_URL: database.url });
  token = await createToken(server.url, adminBasic());
});
afterAll(async () => {
  await server?.stop();
  await admin(`DROP DATABASE IF EXISTS "${backupName()}" WITH (FORCE)`);
  await database?.drop();
});

function expectUnavailable(reply: Reply & { retryAfter: string | null }): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(503);
  expect(reply.body).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
}

async function request(method: string, path: string, auth: string, json?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, ...(json === undefined ? {} : { "Content-Type": "application/json" }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : {},
    retryAfter: response.headers.get("retry-after"),
  };
}

async function expectEverythingUnavailable(): Promise<void> {
  expectUnavailable(await request("GET", "/healthz", ""));
  expectUnavailable(await request("GET", "/v4/people/current", bearer(token)));
  expectUnavailable(await request("GET", "/v4/apiAccessTokens", bearer(token)));
  expectUnavailable(await request("POST", "/v4/apiAccessTokens", adminBasic(), { lifetimeSeconds: 3600 }));
  const signIn = await postSignIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
  expect(signIn.error).toBe(SERVICE_UNAVAILABLE);
  expectNothingInternal(signIn, [database.name, "127.0.0.1", ":5432", "ECONNREFUSED"]);
}

async function expectWorking(): Promise<void> {
  expect((await call(server.url, "GET", "/healthz", "")).status).toBe(200);
  expect((await call(server.url, "GET", "/v4/people/current", bearer(token))).status).toBe(200);
  expect((await call(server.url, "POST", "/v4/apiAccessTokens", adminBasic(), { lifetimeSeconds: 60 })).status).toBe(
    201,
  );
}

describe("a database that is there but cannot be used", () => {
  test("refusing connections (ALLOW_CONNECTIONS false): 503 everywhere; back to work when it accepts them", async () => {
    await admin(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS false`);
    await terminateSessions();
    await expectEverythingUnavailable();
    // While nobody is connected, a copy for the next test (a template must have no sessions).
    await admin(`CREATE DATABASE "${backupName()}" TEMPLATE "${database.name}"`);
    await admin(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS true`);
    await expectWorking();
  });

  test("dropped (DROP DATABASE ... WITH (FORCE)): 503 everywhere; a restore under its name is used", async () => {
    await admin(`DROP DATABASE "${database.name}" WITH (FORCE)`);
    await expectEverythingUnavailable();
    await admin(`ALTER DATABASE "${backupName()}" RENAME TO "${database.name}"`);
    await expectWorking();
  });

  test("read-only (default_transaction_read_only): reads work; writes and /healthz answer 503", async () => {
    await admin(`ALTER DATABASE "${database.name}" SET default_transaction_read_only = on`);
    await terminateSessions();
    try {
      expect((await call(server.url, "GET", "/v4/people/current", bearer(token))).status).toBe(200);
      expectUnavailable(await request("GET", "/healthz", ""));
      expectUnavailable(await request("POST", "/v4/apiAccessTokens", adminBasic(), { lifetimeSeconds: 60 }));
      const signIn = await postSignIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
      expect(signIn.error).toBe(SERVICE_UNAVAILABLE);
    } finally {
      await admin(`ALTER DATABASE "${database.name}" RESET default_transaction_read_only`);
      await terminateSessions();
    }
    await expectWorking();
  });
});
