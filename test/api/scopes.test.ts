// Least privilege: a read_api token reads and cannot write. The operations come from the registry that the
// OpenAPI document and the endpoint list are made from (lib/openapi/registry.ts), so a new route is covered the
// day it is added: every write must refuse a read-only token with 403 insufficient_scope and change nothing,
// every read must accept it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operations, type Operation } from "@/lib/openapi/registry";
import {
  api,
  baseUrl,
  bearer,
  createPerson,
  createToken,
  DAY_SECONDS,
  expectError,
  expectTokenInfo,
  type ApiResponse,
  type AuditEvent,
  type CreatedToken,
  type List,
  type TestUser,
  updatePerson,
} from "./support/client";
import { query } from "./support/database";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

let owner: TestUser;
let readOnly: CreatedToken;
let readWrite: CreatedToken;
let other: TestUser;

/** A token of `user`, made with their email and password. */
function tokenOf(user: TestUser, input: Record<string, unknown>): Promise<ApiResponse<CreatedToken>> {
  return api<CreatedToken>("POST", "/v4/apiAccessTokens", {
    auth: { basic: { email: user.email, password: user.password } },
    json: { lifetimeSeconds: DAY_SECONDS, ...input },
  });
}

beforeAll(async () => {
  // An admin of their own, so that every admin-only read answers 200 and a write that slipped through would
  // change only what this file made.
  owner = await createPerson({ isAdmin: true }, "scopes-admin");
  other = await createPerson({}, "scopes-other");
  const made = await tokenOf(owner, { scopes: ["read_api"], description: "monitoring" });
  expect(made.status, made.text).toBe(201);
  readOnly = made.body;
  readWrite = await createToken(
    { basic: { email: owner.email, password: owner.password } },
    { lifetimeSeconds: DAY_SECONDS },
  );
});

/** HEAD has no body to parse as JSON, so it goes without the client's parsing. */
function head(path: string, token: CreatedToken): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, { method: "HEAD", headers: { Authorization: `Bearer ${token.tokenValue}` } });
}

// Other files count the workspace's enabled admins.
afterAll(async () => {
  await updatePerson(owner.person.id, { isAdmin: false });
});

/** What a write could change, less what reads change (a token's lastUsed, flushed in the background). */
async function snapshot(): Promise<string> {
  const tables = await Promise.all([
    query(`SELECT "id", "userId", "description", "expiresAt", "scopes" FROM "AccessToken" ORDER BY "id"`),
    query(
      `SELECT "id", "email", "name", "passwordHash", "isAdmin", "isDisabled", "canGenerateApiAccessTokens" FROM "User" ORDER BY "id"`,
    ),
    query(
      `SELECT "apiAccessTokensEnabled", "usersCanGenerateApiAccessTokens", "maxUserTokenLifetimeDays" FROM "Workspace"`,
    ),
    query(`SELECT COUNT(*) AS "n" FROM "audit_events" WHERE "type" <> 'token.first_used'`),
  ]);
  return JSON.stringify(tables, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
}

/** The path with its parameters filled in, and a body that would succeed if the token were allowed to write. */
function requestFor(op: Operation): { path: string; json?: unknown; body?: string; headers?: Record<string, string> } {
  const path = op.path.replace("{tokenId}", readWrite.tokenInfo.tokenId).replace("{id}", other.person.id);
  switch (op.operationId) {
    case "createAccessToken":
      return { path, json: { lifetimeSeconds: 3600, scopes: ["read_api"] } };
    case "introspectToken":
      return { path, body: `token=${readWrite.tokenValue}`, headers: FORM };
    case "changePassword":
      return { path, json: { currentPassword: owner.password, newPassword: "a new password of ours" } };
    case "createPerson":
      return { path, json: { email: `scopes-${Date.now()}@example.test`, name: "Nobody", password: "long enough pw" } };
    case "updatePerson":
      return { path, json: { name: "Renamed by a read-only token" } };
    case "updateWorkspaceSettings":
      return { path, json: { apiAccessTokensEnabled: false } };
    default:
      return { path, ...(op.body && { json: {} }) };
  }
}

const authenticated = operations.filter((op) => op.auth !== "none");
const writes = authenticated.filter((op) => op.method !== "GET");
const reads = authenticated.filter((op) => op.method === "GET");

describe("a read_api token", () => {
  test("the registry has writes and reads to check", () => {
    expect(writes.length).toBeGreaterThanOrEqual(7);
    expect(reads.length).toBeGreaterThanOrEqual(9);
  });

  test.each(writes.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "is refused %s with 403 insufficient_scope, and nothing changes",
    async (_, op) => {
      const before = await snapshot();
      const { path, ...request } = requestFor(op);
      const response = await api(op.method, path, { auth: bearer(readOnly), ...request });
      expectError(response, 403, "insufficient_scope", "api scope");
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="api"');
      expect(await snapshot()).toBe(before);
    },
  );

  test.each(reads.map((op) => [`${op.method} ${op.path}`, op] as const))("may %s", async (_, op) => {
    const { path } = requestFor(op);
    const response = await api(op.method, path, { auth: bearer(readOnly) });
    expect(response.status, response.text).toBe(200);
  });

  test("also reads with HEAD", async () => {
    expect((await head("/v4/people/current", readOnly)).status).toBe(200);
    expect((await head("/v4/apiAccessTokens", readOnly)).status).toBe(200);
  });

  test("shows its scopes wherever its tokenInfo appears", async () => {
    expect(expectTokenInfo(readOnly.tokenInfo).scopes).toEqual(["read_api"]);
    expect(readWrite.tokenInfo.scopes).toEqual(["api"]);
    const one = await api("GET", `/v4/apiAccessTokens/${readOnly.tokenInfo.tokenId}`, { auth: bearer(readOnly) });
    expect(one.body).toMatchObject({ tokenId: readOnly.tokenInfo.tokenId, scopes: ["read_api"] });
    const list = await api<List<{ tokenId: string; scopes: string[] }>>("GET", "/v4/apiAccessTokens", {
      auth: bearer(readOnly),
    });
    const scopesById = Object.fromEntries(list.body.data.map((info) => [info.tokenId, info.scopes]));
    expect(scopesById[readOnly.tokenInfo.tokenId]).toEqual(["read_api"]);
    expect(scopesById[readWrite.tokenInfo.tokenId]).toEqual(["api"]);
  });
});

describe("creating a token with scopes", () => {
  test("defaults to api; both together are kept, repeated ones once, in a fixed order", async () => {
    expect((await tokenOf(owner, {})).body.tokenInfo.scopes).toEqual(["api"]);
    const both = await tokenOf(owner, { scopes: ["read_api", "api", "read_api"] });
    expect(both.status, both.text).toBe(201);
    expect(both.body.tokenInfo.scopes).toEqual(["api", "read_api"]);
  });

  test.each([
    [["write"], 'unknown scope "write"'],
    [["read_api", "admin"], 'unknown scope "admin"'],
    [[42], "unknown scope 42"],
    [[], "must name at least one scope"],
    ["read_api", "must be a list of scope names"],
    [null, "must be a list of scope names"],
  ])("refuses scopes %j with a 400 that names it", async (scopes, names) => {
    const response = await tokenOf(owner, { scopes });
    expectError(response, 400, "invalid_request", `scopes: ${names}`);
  });

  test("records the scopes in token.created", async () => {
    const made = await tokenOf(owner, { scopes: ["read_api"] });
    const events = await api<List<AuditEvent>>(
      "GET",
      `/v4/auditEvents?type=token.created&tokenId=${made.body.tokenInfo.tokenId}`,
      { auth: bearer(readWrite) },
    );
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].details).toMatchObject({ scopes: ["read_api"] });
  });

  test("a read-write token may create a read-only one, which then cannot create any", async () => {
    const child = await api<CreatedToken>("POST", "/v4/apiAccessTokens", {
      auth: bearer(readWrite),
      json: { lifetimeSeconds: 3600, scopes: ["read_api"] },
    });
    expect(child.status, child.text).toBe(201);
    expect(child.body.tokenInfo.scopes).toEqual(["read_api"]);
    const grandchild = await api("POST", "/v4/apiAccessTokens", {
      auth: bearer(child.body),
      json: { lifetimeSeconds: 60, scopes: ["read_api"] },
    });
    expectError(grandchild, 403, "insufficient_scope");
  });

  test("a token made before scopes existed (no value in the column's place) reads as api", async () => {
    const made = await tokenOf(owner, {});
    await query(`UPDATE "AccessToken" SET "scopes" = '' WHERE "id" = ?`, [made.body.tokenInfo.tokenId]);
    const one = await api("GET", `/v4/apiAccessTokens/${made.body.tokenInfo.tokenId}`, { auth: bearer(made.body) });
    expect(one.body).toMatchObject({ scopes: ["api"] });
  });
});

describe("forward auth and introspection", () => {
  const verify = (token: CreatedToken, method: string, forwarded?: string) =>
    api(method, "/v4/auth/verify", {
      auth: bearer(token),
      headers: forwarded ? { "X-Forwarded-Method": forwarded } : {},
    });

  test("verify decides by X-Forwarded-Method, else its own method, and names the scopes", async () => {
    const read = await verify(readOnly, "GET", "GET");
    expect(read.status).toBe(200);
    expect(read.headers.get("x-tessera-scopes")).toBe("read_api");
    expect(read.body).toMatchObject({ tokenId: readOnly.tokenInfo.tokenId, scopes: ["read_api"] });
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const write = await verify(readOnly, "GET", method);
      expectError(write, 403, "insufficient_scope");
      expect(write.headers.get("tessera-error")).toBe("insufficient_scope");
      expect(write.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    }
    expectError(await verify(readOnly, "POST"), 403, "insufficient_scope");
    expect((await head("/v4/auth/verify", readOnly)).status).toBe(200);
    const full = await verify(readWrite, "GET", "DELETE");
    expect(full.status).toBe(200);
    expect(full.headers.get("x-tessera-scopes")).toBe("api");
  });

  test("introspection answers the token's scope", async () => {
    const introspect = (token: CreatedToken) =>
      api("POST", "/v4/auth/introspect", {
        auth: bearer(readWrite),
        body: `token=${token.tokenValue}`,
        headers: FORM,
      });
    expect((await introspect(readOnly)).body).toMatchObject({ active: true, scope: "read_api" });
    expect((await introspect(readWrite)).body).toMatchObject({ active: true, scope: "api" });
  });
});

describe("refused writes in the audit trail", () => {
  test("one is a script's bug and leaves no event; a burst is recorded once and then throttled", async () => {
    const burster = await tokenOf(owner, { scopes: ["read_api"] });
    const tokenId = burster.body.tokenInfo.tokenId;
    const throttledEvents = async () =>
      (
        await api<List<AuditEvent>>("GET", `/v4/auditEvents?type=auth.throttled&tokenId=${tokenId}`, {
          auth: bearer(readWrite),
        })
      ).body.data;
    const write = () => api("DELETE", `/v4/apiAccessTokens/${tokenId}`, { auth: bearer(burster.body) });

    expectError(await write(), 403, "insufficient_scope");
    expect(await throttledEvents()).toEqual([]);

    // RATE_LIMIT_TOKEN_FAILURES (50 by default) refusals are free; the next starts a block.
    const statuses: number[] = [];
    for (let sent = 1; sent < 60 && !statuses.includes(429); sent++) statuses.push((await write()).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 403)).toBe(true);
    expect(statuses.length + 1).toBe(51);
    const events = await throttledEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      person: { id: owner.person.id },
      tokenId,
      details: { dimension: "token-scope" },
    });
    // Its reads still work, and nothing was deleted.
    expect((await api("GET", "/v4/people/current", { auth: bearer(burster.body) })).status).toBe(200);
  });
});
