import type { TestProject } from "vitest/node";
import { startTestServer, TEST_ADMIN, type TestServer } from "./server";

let server: TestServer | undefined;

export async function setup(project: TestProject) {
  const port = Number(process.env.API_TEST_PORT ?? 3101);
  server = await startTestServer(port);
  project.provide("baseUrl", server.url);
  project.provide("databaseFile", server.databaseFile);
  project.provide("admin", TEST_ADMIN);
}

export async function teardown() {
  await server?.stop();
}
