import { mkdirSync, writeFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { testPort } from "./ports";
import { createTestDatabase, type TestDatabase } from "./postgres";
import { API_TEST_RATE_LIMITS, startTestServer, TEST_ADMIN, type TestServer } from "./server";

let server: TestServer | undefined;
let database: TestDatabase | undefined;

// TEST_DATABASE=postgresql runs the same suite against a fresh PostgreSQL database; otherwise SQLite.
export async function setup(project: TestProject) {
  const port = Number(process.env.API_TEST_PORT ?? testPort(3101));
  if (process.env.TEST_DATABASE === "postgresql") database = await createTestDatabase();
  // TRUST_PROXY: as behind a reverse proxy, X-Forwarded-For names the client, so tests can call from
  // made-up addresses without sharing throttle counts.
  const env = {
    ...API_TEST_RATE_LIMITS,
    TRUST_PROXY: "true",
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  server = await startTestServer(port, env);
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", database?.url ?? `file:${server.databaseFile}`);
  project.provide("databaseFile", server.databaseFile);
  project.provide("admin", TEST_ADMIN);
}

export async function teardown() {
  await server?.stop();
  // What the server printed (a 500's logged cause among it), for whoever reads a failed run.
  if (server) {
    mkdirSync("test-results", { recursive: true });
    writeFileSync(`test-results/api-server${database ? "-postgres" : ""}.log`, server.output());
  }
  await database?.drop();
}
