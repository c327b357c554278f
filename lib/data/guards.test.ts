// The data functions guard themselves before Prisma sees anything, whoever calls them. Those that take an id from
// outside (a URL, a server action's argument) refuse anything but a well-formed id string: an object such as
// {"not": "x"} would be a filter there, matching other people's rows. The admin functions refuse anyone but an
// admin (lib/data/actor.ts, assertAdmin). The database here is an empty SQLite file without tables, so a call that
// reaches it fails with a database error, never with a guard's 404 or 403: the calls that pass show the difference.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AuditSource } from "@/lib/audit/source";
import { AppError } from "@/lib/errors";
import { ADMINS_ONLY_MESSAGE } from "./actor";

const PERSON_ID = "0b6f5a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b";
const TOKEN_ID = "0123456789ABCDEF";
const actor = { userId: "9b6f5a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b", workspaceId: "workspace", isAdmin: true };
const member = { ...actor, isAdmin: false };
const source: AuditSource = {
  method: "session",
  tokenId: null,
  sessionId: "session",
  clientAddress: "127.0.0.1",
  userAgent: "test",
};

const hostile: [string, unknown][] = [
  ['{"not": "x"}', { not: "x" }],
  ['{"in": [ids]}', { in: [PERSON_ID, TOKEN_ID] }],
  ["[a person id]", [PERSON_ID]],
  ["[a token id]", [TOKEN_ID]],
  ["an object that prints as an id", { toString: () => PERSON_ID }],
  ["a number", 42],
  ["null", null],
];

type Data = typeof import("./access-tokens") &
  typeof import("./people") &
  typeof import("./workspace") &
  typeof import("./audit-events") &
  typeof import("./audit-throttle");
let data: Data;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tessera-ids-"));
  // An empty file: the app's client opens only a database file that exists (lib/db/client.ts).
  const file = path.join(dir, "empty.db");
  writeFileSync(file, "");
  process.env.DATABASE_URL = `file:${file}`;
  data = {
    ...(await import("./access-tokens")),
    ...(await import("./people")),
    ...(await import("./workspace")),
    ...(await import("./audit-events")),
    ...(await import("./audit-throttle")),
  };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function calls(id: unknown): [string, () => Promise<unknown>][] {
  const anyId = id as string;
  return [
    ["deleteAccessToken", () => data.deleteAccessToken(actor, anyId, source)],
    ["getAccessToken", () => data.getAccessToken(actor, anyId)],
    ["listPersonAccessTokens", () => data.listPersonAccessTokens(actor, anyId, { limit: 1, offset: 0 })],
    ["updatePerson", () => data.updatePerson(actor, anyId, { name: "x" }, source)],
    ["getPerson", () => data.getPerson(actor, anyId)],
  ];
}

describe("data functions refuse an id that is not a well-formed id string", () => {
  test.each(hostile)("%s: 404 before any query", async (_name, id) => {
    for (const [name, call] of calls(id)) {
      const error = await call().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, name).toBeInstanceOf(AppError);
      expect(error, name).toMatchObject({ status: 404, code: "not_found" });
    }
  });

  test("well-formed ids do reach the database (here: one without tables)", async () => {
    // The token functions with a token id, the others with a person id.
    for (const [name, call] of [...calls(TOKEN_ID).slice(0, 2), ...calls(PERSON_ID).slice(2)]) {
      const error = await call().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, name).not.toBeInstanceOf(AppError);
      expect(String(error), name).toMatch(/no such table|does not exist/i);
    }
  });
});

/** Every admin data function, called as `who` with well-formed arguments. */
function adminCalls(who: typeof actor): [string, () => Promise<unknown>][] {
  const page = { limit: 1, offset: 0 };
  const person = { email: "new@example.test", name: "New", password: "a-password-123", isAdmin: false };
  return [
    ["listPeople", () => data.listPeople(who, page)],
    ["getPerson", () => data.getPerson(who, PERSON_ID)],
    ["createPerson", () => data.createPerson(who, person, source)],
    ["updatePerson", () => data.updatePerson(who, PERSON_ID, { name: "x" }, source)],
    ["getWorkspaceSettings", () => data.getWorkspaceSettings(who)],
    ["updateWorkspaceSettings", () => data.updateWorkspaceSettings(who, { apiAccessTokensEnabled: true }, source)],
    ["listPersonAccessTokens", () => data.listPersonAccessTokens(who, PERSON_ID, page)],
    ["deletePersonAccessToken", () => data.deletePersonAccessToken(who, TOKEN_ID, source)],
    ["accountsUnderAttack", () => data.accountsUnderAttack(who, [PERSON_ID])],
    ["listAuditEvents (workspace)", () => data.listAuditEvents(who, "workspace", {}, page)],
  ];
}

describe("admin data functions refuse anyone but an admin", () => {
  test("a member: the one 403 before any query", async () => {
    for (const [name, call] of adminCalls(member)) {
      const error = await call().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, name).toBeInstanceOf(AppError);
      expect(error, name).toMatchObject({ status: 403, code: "forbidden", message: ADMINS_ONLY_MESSAGE });
    }
  });

  test("an admin reaches the database (here: one without tables)", async () => {
    for (const [name, call] of adminCalls(actor)) {
      const error = await call().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, name).not.toBeInstanceOf(AppError);
      expect(String(error), name).toMatch(/no such table|does not exist/i);
    }
  });
});
