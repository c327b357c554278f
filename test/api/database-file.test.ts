// The SQLite database file made unwritable, deleted or replaced under the running app (findings 6 and 7):
// requests answer 503 database_unavailable with Retry-After, never 500; /healthz answers 503; signing in
// says the service is unavailable and shows nothing of the driver's text; no empty database is created
// where the file vanished; and once a file is back the app uses it, without a restart.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SERVICE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";
import { testPort } from "../support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { expectNothingInternal, postSignIn } from "../support/sign-in";

const port = Number(process.env.DATABASE_FILE_TEST_PORT ?? testPort(3139));
const basic = "Basic " + Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString("base64");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(port);
});
afterAll(async () => {
  if (existsSync(server.databaseFile)) setImmutable(false);
  await server?.stop();
});

/**
 * chattr +i: not even root may write the file (chmod does not stop root, and the tests run as root in CI).
 * Needs CAP_LINUX_IMMUTABLE and a file system that has the flag (ext4, xfs, btrfs; not tmpfs or overlayfs).
 */
function setImmutable(on: boolean): void {
  execFileSync("chattr", [on ? "+i" : "-i", server.databaseFile], { stdio: "pipe" });
}

/** A copy made with SQLite's backup API while the app runs, as an operator would take it. */
async function backup(): Promise<string> {
  const copy = `${server.databaseFile}.${Date.now()}.backup`;
  const source = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  return copy;
}

const get = (path: string, token?: string) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const createToken = () =>
  fetch(`${server.url}/v4/apiAccessTokens`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify({ lifetimeSeconds: 3600 }),
  });
async function newToken(): Promise<string> {
  const response = await createToken();
  expect(response.status).toBe(201);
  return ((await response.json()) as { tokenValue: string }).tokenValue;
}

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status, await response.clone().text()).toBe(503);
  expect(await response.json()).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
}

async function expectSignInSaysUnavailable(): Promise<void> {
  const reply = await postSignIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
  expect(reply.error).toBe(SERVICE_UNAVAILABLE);
  expect(reply.sessionCookie).toBeUndefined();
  expectNothingInternal(reply, [server.databaseFile, server.dataDir]);
}

describe("a database file that cannot be written (immutable)", () => {
  test("writes, /healthz and sign-in answer 503 or unavailable; all is well again once it is writable", async () => {
    const token = await newToken();
    setImmutable(true);
    try {
      await expectUnavailable(await get("/healthz"));
      await expectUnavailable(await createToken());
      // The failed commit left a journal that SQLite must roll back before reading: reads fail too.
      await expectUnavailable(await get("/v4/people/current", token));
      await expectSignInSaysUnavailable();
    } finally {
      setImmutable(false);
    }
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/v4/people/current", token)).status).toBe(200);
    await newToken();
  });
});

describe("a database file deleted under the app", () => {
  test("answers 503 everywhere, creates no empty database, and uses a backup put back, without a restart", async () => {
    const token = await newToken();
    const copy = await backup();
    rmSync(server.databaseFile);

    await expectUnavailable(await get("/healthz"));
    await expectUnavailable(await get("/v4/people/current", token));
    await expectUnavailable(await createToken());
    await expectSignInSaysUnavailable();
    expect(existsSync(server.databaseFile), "an empty database was created in its place").toBe(false);

    copyFileSync(copy, server.databaseFile);
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/v4/people/current", token)).status).toBe(200);
    await newToken();
  });
});

describe("a database file replaced under the app (a restore)", () => {
  test("the file now at the path is used, noticed within seconds even with no health check", async () => {
    const kept = await newToken();
    const copy = await backup();
    const madeAfterTheBackup = await newToken();
    renameSync(copy, server.databaseFile);

    // The old file held the newer token; once the app has moved to the restored file, it is unknown.
    const started = Date.now();
    for (let status = 0; status !== 401; status = (await get("/v4/people/current", madeAfterTheBackup)).status) {
      expect([0, 200]).toContain(status);
      expect(Date.now() - started, "still answering from the replaced file").toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await get("/v4/people/current", kept)).status).toBe(200);
    expect((await get("/healthz")).status).toBe(200);
    await newToken();
  });
});
