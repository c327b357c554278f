// The driver-level reads of the token check (lib/db/hot-reader.ts) read times as Prisma stores them: UTC in
// PostgreSQL's timestamp(3) columns, whatever the server process's time zone.
import { afterAll, beforeAll, expect, test } from "vitest";
import { databaseConfig } from "@/lib/db/config";
import { createHotReader, type HotReader } from "@/lib/db/hot-reader";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { sql } from "./support";

let database: TestDatabase;
let reader: HotReader;
const zone = process.env.TZ;

beforeAll(async () => {
  // A zone far from UTC, so that a time read as local would be hours off.
  process.env.TZ = "America/New_York";
  database = await createTestDatabase("tessera_hot_reader");
  await sql(database.url, 'CREATE TABLE "Times" ("id" TEXT PRIMARY KEY, "at" TIMESTAMP(3), "flag" BOOLEAN)');
  await sql(database.url, `INSERT INTO "Times" VALUES ('a', '2026-01-02 03:04:05.678', true)`);
  reader = createHotReader(databaseConfig(database.url));
});
afterAll(async () => {
  await reader?.close();
  await database?.drop();
  process.env.TZ = zone;
});

test("a timestamp(3) is read as UTC, whatever the process's time zone; parameters bind to ? in order", async () => {
  expect(new Date(2026, 0, 2).getTimezoneOffset()).toBeGreaterThan(0);
  const rows = await reader.query<{ at: Date; flag: boolean }>(
    'SELECT "at", "flag" FROM "Times" WHERE "id" = ? AND "flag" = ?',
    ["a", true],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].at.toISOString()).toBe("2026-01-02T03:04:05.678Z");
  expect(rows[0].flag).toBe(true);
});

test("a pooled connection the server ended is survived: the process lives on and the read is sent again", async () => {
  const read = () => reader.query<{ id: string }>('SELECT "id" FROM "Times" WHERE "id" = ?', ["a"]);
  expect(await read()).toEqual([{ id: "a" }]);
  // Every session of the database but this one ends, as at a restart or a failover: the reader's idle ones too.
  await sql(
    database.url,
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  for (let i = 0; i < 5; i++) expect(await read()).toEqual([{ id: "a" }]);
});
