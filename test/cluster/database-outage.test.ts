import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SERVICE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";
import { testPort } from "../support/ports";
import { ADMIN_URL, createTestDatabase, type TestDatabase } from "../support/postgres";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { expectNothingInternal, postSignIn } from "../support/sign-in";
import { adminBasic, bearer, call, createToken } from "./support";

/** A TCP relay in front of PostgreSQL that the test can cut and restore, as if the database went away. */
class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => this.server?.listen(this.port, "127.0.0.1", resolve));
  }

  cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const target = new URL(ADMIN_URL);
const relay = new Relay(testPort(3159), { host: target.hostname, port: Number(target.port || 5432) });
let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase("tessera_outage");
  await relay.start();
  const viaRelay = new URL(database.url);
  viaRelay.port = String(relay.port);
  server = await startTestServer(testPort(3151), { DATABASE_URL: viaRelay.toString() });
});
afterAll(async () => {
  await server?.stop();
  await relay.cut();
  await database?.drop();
});

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

describe("a database that goes away while the app runs", () => {
  test("gives 503 database_unavailable, and the app recovers by itself when it returns", async () => {
    const token = await createToken(server.url, adminBasic());
    expect((await call(server.url, "GET", "/v4/people/current", bearer(token))).status).toBe(200);

    await relay.cut();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    const refused = await call(server.url, "GET", "/v4/people/current", bearer(token));
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: "database_unavailable" });
    // A malformed token never needs the database, so it is still told apart.
    expect((await call(server.url, "GET", "/v4/people/current", bearer("tsr_nope"))).status).toBe(401);
    // Signing in says so too, without Prisma's "Can't reach database server at host:port".
    const signIn = await postSignIn(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(signIn.error).toBe(SERVICE_UNAVAILABLE);
    expectNothingInternal(signIn, [database.name, "127.0.0.1", `:${relay.port}`, "reach database"]);

    await relay.start();
    const recoveredIn = await eventually(
      async () => (await call(server.url, "GET", "/v4/people/current", bearer(token))).status === 200,
      15_000,
    );
    console.log(`recovered ${recoveredIn} ms after the database came back`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe("start-up against an unreachable or misconfigured database", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const start = (databaseUrl: string) =>
    spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "3158" },
      encoding: "utf8",
      timeout: 60_000,
    });

  test("a closed port fails fast with a message naming the problem, no stack trace, no secret", () => {
    const started = Date.now();
    const result = start("postgresql://tessera:hunter2-secret@127.0.0.1:3157/tessera");
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.stderr).toContain("nothing answers at PostgreSQL at 127.0.0.1:3157/tessera");
    const output = result.stdout + result.stderr;
    expect(output).not.toContain("hunter2-secret");
    expect(output).not.toMatch(/^\s+at /m);
  });

  test("a database that does not exist is named as such", () => {
    const url = new URL(ADMIN_URL);
    url.pathname = "/tessera_no_such_database";
    const result = start(url.toString());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("does not exist");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test("a DATABASE_URL of an unknown kind is refused before anything starts", () => {
    const result = start("mysql://root:pw-secret@localhost/x");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL must start with file: (SQLite) or postgresql://");
    expect(result.stderr).not.toContain("pw-secret");
  });
});
