// Audit events older than AUDIT_RETENTION_DAYS are deleted by the app itself (at start-up, then hourly);
// younger ones stay.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import { startTestServer, type TestServer } from "../support/server";
import { sleep } from "./support/client";

const port = Number(process.env.AUDIT_RETENTION_TEST_PORT ?? testPort(3137));
const DAY_MS = 86_400_000;
let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
});

function insertEvent(file: string, type: string, occurredAt: Date): string {
  const id = randomUUID();
  const db = new Database(file);
  db.prepare(
    `INSERT INTO "audit_events" ("id", "workspaceId", "occurredAt", "type", "actorMethod", "clientAddress", "userAgent")
     VALUES (?, NULL, ?, ?, 'anonymous', '192.0.2.1', 'retention-test')`,
  ).run(id, occurredAt.toISOString().replace("Z", "+00:00"), type);
  db.close();
  return id;
}

function storedIds(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare(`SELECT "id" FROM "audit_events" WHERE "userAgent" = 'retention-test'`).all() as {
    id: string;
  }[];
  db.close();
  return rows.map((row) => row.id);
}

let file = "";
let old = "";
let young = "";

beforeAll(async () => {
  // A first start creates and migrates the database; the events are put in while the app is stopped.
  const first = await startTestServer(port, { AUDIT_RETENTION_DAYS: "30" });
  await first.stop();
  file = first.databaseFile;
  old = insertEvent(file, "token.deleted", new Date(Date.now() - 31 * DAY_MS));
  young = insertEvent(file, "token.deleted", new Date(Date.now() - 29 * DAY_MS));
  server = await startTestServer(port, { AUDIT_RETENTION_DAYS: "30", DATA_DIR: first.dataDir });
});

test("events older than the retention are pruned at start-up; younger ones stay", async () => {
  for (let i = 0; i < 40 && storedIds(file).includes(old); i++) await sleep(250);
  expect(storedIds(file)).toEqual([young]);
});
