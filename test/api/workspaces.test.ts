// Several workspaces (issue 17): the isolation matrix. One server with WORKSPACE_DOMAIN=tessera.test serves the
// default workspace and two made here with the CLI, acme and beta. Whatever acme owns (a token, a session, a
// password, an object's id) must get nothing at beta's host: every operation of the registry refuses acme's
// token exactly as a made-up one and acme's session as no session, nothing of acme changes, and no list at one
// host shows the other's. Around it: the same email in both workspaces, a forged X-Tessera-Workspace header, the
// gate's 404 for hosts that name no workspace, the invalid-token throttle, revoke-by-value, introspection, the
// forward-auth check (which reads Host, not X-Forwarded-Host), next-auth's URLs, and a rename and a delete.
//
// The server trusts X-Forwarded-Host (TRUST_PROXY=true), since fetch cannot set Host; the requests here go through
// node:http, so a few also name the workspace with the Host header itself, as a client without a proxy does.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operations, type Operation } from "@/lib/openapi/registry";
import { generateToken } from "@/lib/tokens/format";
import { testPort } from "../support/ports";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { API_TEST_RATE_LIMITS, startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { sqlAt } from "../support/sql";
import { runWorkspaceCli } from "../support/workspace-cli";
import {
  basicHeader,
  expectError,
  expectUnauthorized,
  sleep,
  uniqueAddress,
  type ApiResponse,
  type AuditEvent,
  type CreatedToken,
  type List,
  type Person,
  type TokenInfo,
} from "./support/client";
import { serverActions, type ServerAction } from "./support/server-actions";

const DOMAIN = "tessera.test";
/** RATE_LIMIT_TOKEN_FAILURES of this server: small, so the throttle test reaches it quickly. */
const TOKEN_FAILURES = 5;
/** RATE_LIMIT_ACCOUNT_FAILURES of this server (the default, said here). */
const ACCOUNT_FAILURES = 5;
/** The directory's name cache is 5 s (lib/workspaces/directory.ts); a CLI change shows within this. */
const NAME_CACHE_GRACE_MS = 6_500;
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

let server: TestServer;
let database: TestDatabase | undefined;
let port: number;

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** How a request authenticates; a cookie is sent with the Origin of the host it goes to (a same-origin call). */
type Auth = { bearer: string } | { basic: Credentials } | { cookie: string };
type Credentials = { email: string; password: string };

type Call = {
  auth?: Auth;
  json?: unknown;
  /** Sent as is; set the content type in headers. */
  body?: string;
  headers?: Record<string, string>;
  /**
   * How the workspace is named: X-Forwarded-Host (the default; the server trusts it, and Host stays the socket's
   * 127.0.0.1:port, which names no workspace) or the Host header itself.
   */
  via?: "forwarded" | "host";
  /** X-Forwarded-For. Each request gets an address of its own unless told, so throttle counts never mix. */
  from?: string;
};

/** The host name of a workspace, with the port as a browser sends it. The bare domain for "". */
function hostOf(name: string): string {
  return `${name ? `${name}.` : ""}${DOMAIN}:${port}`;
}

/** The origin next-auth must use at that host (http: the server's NEXTAUTH_URL is http://localhost:port). */
function originOf(host: string): string {
  return `http://${host}`;
}

function authHeaders(auth: Auth | undefined, host: string): Record<string, string> {
  if (!auth) return {};
  if ("bearer" in auth) return { Authorization: `Bearer ${auth.bearer}` };
  if ("basic" in auth) return { Authorization: basicHeader(auth.basic.email, auth.basic.password) };
  return { Cookie: auth.cookie, Origin: originOf(host) };
}

/** One request to this file's server at the workspace host `host`; JSON answers are parsed. No redirects. */
function send<T = unknown>(host: string, method: string, urlPath: string, call: Call = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    "X-Forwarded-For": call.from ?? uniqueAddress(),
    ...authHeaders(call.auth, host),
    ...(call.via === "host" ? { Host: host } : { "X-Forwarded-Host": host }),
  };
  let body = call.body;
  if (call.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(call.json);
  }
  Object.assign(headers, call.headers);
  if (body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: urlPath, headers }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : [value ?? ""]) answerHeaders.append(name, one);
        }
        const isJson = /^application\/json/i.test(answerHeaders.get("content-type") ?? "");
        resolve({
          status: response.statusCode ?? 0,
          headers: answerHeaders,
          body: (isJson && text ? JSON.parse(text) : text) as T,
          text,
        });
      });
    });
    request.on("error", reject);
    request.setTimeout(20_000, () => request.destroy(new Error(`${method} ${urlPath} at ${host} timed out`)));
    request.end(body);
  });
}

/** A request that must succeed with this status; returns the parsed body. */
async function ok<T>(status: number, host: string, method: string, urlPath: string, call: Call = {}): Promise<T> {
  const response = await send<T>(host, method, urlPath, call);
  expect(response.status, `${method} ${urlPath} at ${host}: ${response.text}`).toBe(status);
  return response.body;
}

/**
 * Every item of a paged list (100 a page), read from one address: a token's use from a new address is an audit
 * event of its own, which would grow the very list being read.
 */
async function listAll<T>(host: string, urlPath: string, auth: Auth): Promise<{ data: T[]; count: number }> {
  const data: T[] = [];
  const from = uniqueAddress();
  let count = 0;
  for (let offset = 0; offset === 0 || offset < count; offset += 100) {
    const query = `${urlPath.includes("?") ? "&" : "?"}limit=100&offset=${offset}`;
    const page = await ok<List<T>>(200, host, "GET", `${urlPath}${query}`, { auth, from });
    data.push(...page.data);
    count = page.count;
    if (page.data.length === 0) break;
  }
  return { data, count };
}

function bearer(token: CreatedToken | string): Auth {
  return { bearer: typeof token === "string" ? token : token.tokenValue };
}

/** A well-formed token value (right shape and checksum) that no workspace has: the matrix's "wrong token". */
function madeUpToken(): string {
  return generateToken().tokenValue;
}

/** The cookies a response sets, as a Cookie header sends them back. */
function cookiesOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

type SignIn = {
  response: ApiResponse<{ url?: string }>;
  /** name=value of the session cookie set, or null. */
  sessionCookie: string | null;
  /** The whole Set-Cookie line, attributes included. */
  sessionCookieLine: string | null;
};

/**
 * Signs in as the sign-in form does, at `host`: next-auth's CSRF token and cookie, then the credentials callback
 * (json=true answers {url}; json=false is the plain form post, a redirect). `extra` adds form fields.
 */
async function signInAt(host: string, who: Credentials, extra: Record<string, string> = {}): Promise<SignIn> {
  const csrf = await send<{ csrfToken: string }>(host, "GET", "/api/auth/csrf");
  expect(csrf.status, csrf.text).toBe(200);
  const response = await send<{ url?: string }>(host, "POST", "/api/auth/callback/credentials", {
    headers: { ...FORM, Cookie: cookiesOf(csrf.headers), Origin: originOf(host) },
    body: new URLSearchParams({
      csrfToken: csrf.body.csrfToken,
      email: who.email,
      password: who.password,
      json: "true",
      ...extra,
    }).toString(),
  });
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  return { response, sessionCookie: line ? line.split(";")[0] : null, sessionCookieLine: line ?? null };
}

async function sessionOf(host: string, who: Credentials): Promise<{ cookie: string }> {
  const { response, sessionCookie } = await signInAt(host, who);
  expect(sessionCookie, `no session cookie at ${host}: ${response.text}`).toMatch(/^next-auth\.session-token=./);
  return { cookie: sessionCookie ?? "" };
}

// ---------------------------------------------------------------------------------------------------------------
// The database and the CLI

/** A query on this server's database, SQLite or PostgreSQL; SQL with ? placeholders. */
function dbQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return sqlAt<T>(database?.url ?? `file:${server.databaseFile}`, sql, params);
}

async function countOf(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await dbQuery<{ n: number | string }>(sql, params);
  return Number(row.n);
}

/**
 * What any write could change, in every workspace: tokens, people, workspaces, sessions and the audit trail. Not
 * what successful reads change in the background (a token's lastUsed, the usage counts).
 */
async function snapshot(): Promise<string> {
  const tables = await Promise.all([
    dbQuery(
      `SELECT "id", "userId", "description", "expiresAt", "scopes", "secretHash" FROM "AccessToken" ORDER BY "id"`,
    ),
    dbQuery(
      `SELECT "id", "workspaceId", "email", "name", "passwordHash", "isAdmin", "isDisabled", "canGenerateApiAccessTokens", "theme" FROM "User" ORDER BY "id"`,
    ),
    dbQuery(
      `SELECT "id", "name", "apiAccessTokensEnabled", "usersCanGenerateApiAccessTokens", "maxUserTokenLifetimeDays" FROM "Workspace" ORDER BY "id"`,
    ),
    dbQuery(`SELECT "id", "userId", "idleExpiresAt", "endedAt" FROM "sessions" ORDER BY "id"`),
    dbQuery(`SELECT "id", "workspaceId", "type" FROM "audit_events" ORDER BY "id"`),
  ]);
  return JSON.stringify(tables, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
}

/** `npm run workspace -- …` on this server's database, as an operator runs it next to the running server. */
async function workspaceCli(...args: string[]): Promise<{ status: number | null; output: string }> {
  const run = await runWorkspaceCli(args, {
    DATA_DIR: server.dataDir,
    DATABASE_URL: database?.url ?? "",
    WORKSPACE_DOMAIN: DOMAIN,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// ---------------------------------------------------------------------------------------------------------------
// The two workspaces

/** The same email is a person in acme and in beta, with a password of each. */
const SHARED_EMAIL = "sam@shared.test";

type Member = { person: Person; password: string; token: CreatedToken };
type Workspace = {
  name: string;
  host: string;
  id: string;
  admin: Credentials & { id: string; token: CreatedToken };
  /** SHARED_EMAIL's person here. */
  sam: Member;
};

let acme: Workspace;
let beta: Workspace;
let defaultHost: string;

/** A token made with email and password (Basic), the way a first token is got. */
function tokenByPassword(host: string, who: Credentials, description = "by password"): Promise<CreatedToken> {
  return ok<CreatedToken>(201, host, "POST", "/v4/apiAccessTokens", {
    auth: { basic: who },
    json: { lifetimeSeconds: 86_400, description },
  });
}

/** A workspace made with the CLI, its admin's token, and SHARED_EMAIL's person there (allowed tokens). */
async function makeWorkspace(name: string, adminPassword: string, samPassword: string): Promise<Workspace> {
  const host = hostOf(name);
  const adminEmail = `admin@${name}.example`;
  const cli = await workspaceCli("create", name, "--admin-email", adminEmail, "--admin-password", adminPassword);
  expect(cli.status, cli.output).toBe(0);
  const [row] = await dbQuery<{ id: string }>(`SELECT "id" FROM "Workspace" WHERE "name" = ?`, [name]);
  const adminToken = await tokenByPassword(host, { email: adminEmail, password: adminPassword }, `${name} admin`);
  const adminPerson = await ok<Person>(200, host, "GET", "/v4/people/current", { auth: bearer(adminToken) });
  const created = await ok<Person>(201, host, "POST", "/v4/people", {
    auth: bearer(adminToken),
    json: { email: SHARED_EMAIL, name: `Sam of ${name}`, password: samPassword, isAdmin: false },
  });
  const person = await ok<Person>(200, host, "PATCH", `/v4/people/${created.id}`, {
    auth: bearer(adminToken),
    json: { canGenerateApiAccessTokens: true },
  });
  const samToken = await tokenByPassword(host, { email: SHARED_EMAIL, password: samPassword }, `sam of ${name}`);
  return {
    name,
    host,
    id: String(row.id),
    admin: { email: adminEmail, password: adminPassword, id: adminPerson.id, token: adminToken },
    sam: { person, password: samPassword, token: samToken },
  };
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE === "postgresql") database = await createTestDatabase("tessera_workspaces");
  port = testPort(3171);
  server = await startTestServer(port, {
    ...API_TEST_RATE_LIMITS,
    WORKSPACE_DOMAIN: DOMAIN,
    TRUST_PROXY: "true",
    RATE_LIMIT_TOKEN_FAILURES: String(TOKEN_FAILURES),
    RATE_LIMIT_ACCOUNT_FAILURES: String(ACCOUNT_FAILURES),
    ...(database ? { DATABASE_URL: database.url } : {}),
  });
  defaultHost = hostOf("");
  acme = await makeWorkspace("acme", "acme-admin-password", "sam-at-acme-password");
  beta = await makeWorkspace("beta", "beta-admin-password", "sam-at-beta-password");
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

// ---------------------------------------------------------------------------------------------------------------
// 1. The matrix

const authenticated = operations.filter((op) => op.auth !== "none");

/** The path with acme's ids in it, and a body that would succeed if the credentials were accepted. */
function acmeRequestFor(op: Operation): { path: string } & Pick<Call, "json" | "body" | "headers"> {
  const urlPath = op.path.replace("{tokenId}", acme.sam.token.tokenInfo.tokenId).replace("{id}", acme.sam.person.id);
  switch (op.operationId) {
    case "createAccessToken":
      return { path: urlPath, json: { lifetimeSeconds: 3600 } };
    case "introspectToken":
      return { path: urlPath, body: `token=${acme.sam.token.tokenValue}`, headers: FORM };
    case "changePassword":
      return { path: urlPath, json: { currentPassword: acme.admin.password, newPassword: "changed from beta's host" } };
    case "createPerson":
      return {
        path: urlPath,
        json: { email: `made-at-beta-${Date.now()}@example.test`, name: "X", password: "long enough pw" },
      };
    case "updatePerson":
      return { path: urlPath, json: { name: "Renamed at beta's host", isAdmin: true } };
    case "updateWorkspaceSettings":
      return { path: urlPath, json: { apiAccessTokensEnabled: false } };
    default:
      return { path: urlPath, ...(op.body && { json: {} }) };
  }
}

/**
 * The ways the workspace is named for this operation. The forward-auth check always takes Host (a proxy puts the
 * protected API's host in X-Forwarded-Host), so it is tried by Host only.
 */
function viasFor(op: Operation): Array<"forwarded" | "host"> {
  return op.path === "/v4/auth/verify" ? ["host"] : ["forwarded", "host"];
}

const label = (op: Operation) => `${op.method} ${op.path}`;

describe("the matrix: acme's credentials at beta's host", () => {
  test("the registry has the operations to check", () => {
    expect(authenticated.length).toBeGreaterThanOrEqual(18);
    expect(authenticated.map((op) => op.operationId)).toEqual(
      expect.arrayContaining(["createAccessToken", "verifyToken", "introspectToken", "updateWorkspaceSettings"]),
    );
  });

  // Without this, a 401 at beta could just mean the token or the cookie were no good anywhere.
  test.each(authenticated.filter((op) => op.method === "GET").map((op) => [label(op), op] as const))(
    "control: acme's admin token may %s at acme's own host",
    async (_, op) => {
      const { path: urlPath } = acmeRequestFor(op);
      for (const via of viasFor(op)) {
        const byToken = await send(acme.host, op.method, urlPath, { auth: bearer(acme.admin.token), via });
        expect(byToken.status, `${via}: ${byToken.text}`).toBe(200);
      }
    },
  );

  test("control: acme's session cookie is good at acme's host", async () => {
    const session = await sessionOf(acme.host, acme.admin);
    const me = await ok<Person>(200, acme.host, "GET", "/v4/people/current", { auth: session });
    expect(me.id).toBe(acme.admin.id);
  });

  test.each(authenticated.map((op) => [label(op), op] as const))(
    "acme's token: %s is 401 invalid_token, the very answer to a made-up token, and nothing changes",
    async (_, op) => {
      const { path: urlPath, ...request } = acmeRequestFor(op);
      for (const via of viasFor(op)) {
        const before = await snapshot();
        const real = await send(beta.host, op.method, urlPath, { ...request, via, auth: bearer(acme.admin.token) });
        const madeUp = await send(beta.host, op.method, urlPath, { ...request, via, auth: bearer(madeUpToken()) });
        expectUnauthorized(real, "invalid_token");
        expect(real.body, via).toEqual(madeUp.body);
        expect(real.headers.get("www-authenticate"), via).toBe(madeUp.headers.get("www-authenticate"));
        expect(await snapshot(), `${via}: something changed`).toBe(before);
      }
    },
  );

  test.each(authenticated.map((op) => [label(op), op] as const))(
    "acme's session cookie (Origin: beta): %s is 401 missing_credentials, and nothing changes",
    async (_, op) => {
      const session = await sessionOf(acme.host, acme.admin);
      const { path: urlPath, ...request } = acmeRequestFor(op);
      const before = await snapshot();
      for (const via of viasFor(op)) {
        const response = await send(beta.host, op.method, urlPath, { ...request, via, auth: session });
        if (op.path === "/") {
          // Without an Authorization header / is the web app, not the endpoint list: its sign-in page here.
          expect(response.status, response.text).toBe(307);
          expect(new URL(response.headers.get("location") ?? "", originOf(beta.host)).pathname).toBe("/login");
        } else {
          expectError(response, 401, "missing_credentials");
        }
        expect(response.text).not.toContain(acme.admin.email);
      }
      expect(await snapshot(), "something changed").toBe(before);
      // The cookie itself is fine: acme still takes it.
      expect((await send(acme.host, "GET", "/v4/people/current", { auth: session })).status).toBe(200);
    },
  );

  test("acme's session is not renewed, nor ended, by next-auth at beta's host", async () => {
    const session = await sessionOf(acme.host, acme.admin);
    const before = await snapshot();
    const renewed = await send<Record<string, unknown>>(beta.host, "GET", "/api/auth/session", { auth: session });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({});
    // A sign-out posted at beta with acme's cookie (and beta's own CSRF pair) ends nothing in acme.
    const csrf = await send<{ csrfToken: string }>(beta.host, "GET", "/api/auth/csrf");
    const signOut = await send(beta.host, "POST", "/api/auth/signout", {
      headers: { ...FORM, Cookie: `${session.cookie}; ${cookiesOf(csrf.headers)}` },
      body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: "true" }).toString(),
    });
    expect(signOut.status, signOut.text).toBe(200);
    expect(await snapshot()).toBe(before);
    const me = await ok<Person>(200, acme.host, "GET", "/v4/people/current", { auth: session });
    expect(me.id).toBe(acme.admin.id);
  });

  test("acme's session gets no page at beta's host: the sign-in page instead", async () => {
    const session = await sessionOf(acme.host, acme.admin);
    const atAcme = await send(acme.host, "GET", "/preferences/access-tokens", { auth: session });
    expect(atAcme.status, atAcme.text.slice(0, 200)).toBe(200);
    const atBeta = await send(beta.host, "GET", "/preferences/access-tokens", { auth: session });
    expect([302, 303, 307]).toContain(atBeta.status);
    expect(new URL(atBeta.headers.get("location") ?? "", originOf(beta.host)).pathname).toBe("/login");
  });

  test("acme's admin password at beta (Basic, where it is accepted) is 401 invalid_credentials, like a wrong one", async () => {
    const before = await snapshot();
    const real = await send(beta.host, "POST", "/v4/apiAccessTokens", {
      auth: { basic: acme.admin },
      json: { lifetimeSeconds: 3600 },
    });
    const wrong = await send(beta.host, "POST", "/v4/apiAccessTokens", {
      auth: { basic: { email: acme.admin.email, password: "not the password" } },
      json: { lifetimeSeconds: 3600 },
    });
    expectUnauthorized(real, "invalid_credentials");
    expect(real.body).toEqual(wrong.body);
    expect(await snapshot()).toBe(before);
    // And at acme the same password works.
    await tokenByPassword(acme.host, acme.admin, "control");
  });

  test("acme's ids with beta's own admin token are 404 at beta, and nothing changes", async () => {
    const tokenId = acme.sam.token.tokenInfo.tokenId;
    const personId = acme.sam.person.id;
    // One address, used once before the snapshot: a token's first use from an address is an audit event.
    const call = { auth: bearer(beta.admin.token), from: uniqueAddress() };
    await ok(200, beta.host, "GET", "/v4/people/current", call);
    const before = await snapshot();
    expectError(await send(beta.host, "GET", `/v4/apiAccessTokens/${tokenId}`, call), 404, "not_found");
    expectError(await send(beta.host, "GET", `/v4/apiAccessTokens/${tokenId}/usage`, call), 404, "not_found");
    expectError(await send(beta.host, "DELETE", `/v4/apiAccessTokens/${tokenId}`, call), 404, "not_found");
    expectError(await send(beta.host, "GET", `/v4/people/${personId}`, call), 404, "not_found");
    const patch = await send(beta.host, "PATCH", `/v4/people/${personId}`, { ...call, json: { isDisabled: true } });
    expectError(patch, 404, "not_found");
    for (const query of [`personId=${personId}`, `tokenId=${tokenId}`]) {
      const events = await ok<List<AuditEvent>>(200, beta.host, "GET", `/v4/auditEvents?${query}`, call);
      expect(events.data, query).toEqual([]);
    }
    // The token inventory filtered by acme's person: nothing of acme's, whatever the answer.
    const inventory = await send(beta.host, "GET", `/v4/workspaces/current/apiAccessTokens?personId=${personId}`, call);
    expect(inventory.status, inventory.text).toBeLessThan(500);
    expect(inventory.text).not.toContain(tokenId);
    if (inventory.status === 200) expect((inventory.body as List<TokenInfo>).data).toEqual([]);
    expect(await snapshot()).toBe(before);
    // At acme, acme's admin reaches them.
    const atAcme = bearer(acme.admin.token);
    expect((await send(acme.host, "GET", `/v4/apiAccessTokens/${tokenId}`, { auth: atAcme })).status).toBe(200);
    expect((await send(acme.host, "GET", `/v4/people/${personId}`, { auth: atAcme })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The pages' server actions: POSTs to page paths, authenticated by the session cookie alone.

/** Arguments each action would act on if the session were accepted: acme's ids, as the UI sends them. */
function actionArgs(name: string): unknown[] {
  const tokenId = acme.sam.token.tokenInfo.tokenId;
  const newPassword = "changed-at-beta-123";
  const calls: Record<string, unknown[]> = {
    generateTokenAction: [{ lifetimeDays: "1", description: "made at beta's host" }],
    deleteTokenAction: [tokenId],
    deletePersonTokenAction: [tokenId],
    revokeTokensAction: [[tokenId]],
    createPersonAction: [{ email: "made-at-beta@example.test", name: "X", password: "long enough pw", isAdmin: true }],
    updatePersonAction: [acme.sam.person.id, { name: "Renamed at beta's host", isAdmin: true }],
    saveSettingsAction: [{ apiAccessTokensEnabled: false }],
    changePasswordAction: [{ currentPassword: acme.admin.password, newPassword, confirmPassword: newPassword }],
    signOutEverywhereAction: [],
    setThemeAction: ["dark"],
  };
  return calls[name] ?? [tokenId];
}

/** A server action called as React calls it, at `host`, with a session cookie (and that host's Origin). */
function callActionAt(host: string, action: ServerAction, cookie: string): Promise<ApiResponse> {
  const page = action.pages[0]
    .replace("[id]", acme.sam.person.id)
    .replace("[tokenId]", acme.sam.token.tokenInfo.tokenId);
  return send(host, "POST", page, {
    auth: { cookie },
    body: JSON.stringify(actionArgs(action.name)),
    headers: { Accept: "text/x-component", "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8" },
  });
}

/** The action of this name in the build the server runs. */
function actionNamed(name: string): ServerAction {
  const action = serverActions().find((one) => one.name === name);
  if (!action) throw new Error(`No server action named ${name} in the build`);
  return action;
}

describe("server actions with acme's session at beta's host", () => {
  // The names now, the ids when the test runs: the server may have rebuilt the app when it started.
  test.each(serverActions().map((action) => action.name))(
    "%s sends the caller to the sign-in page, and nothing changes",
    async (name) => {
      const action = actionNamed(name);
      const session = await sessionOf(acme.host, acme.admin);
      const before = await snapshot();
      const response = await callActionAt(beta.host, action, session.cookie);
      expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
      expect(response.headers.get("x-action-redirect")?.split(";")[0], response.text.slice(0, 300)).toBe("/login");
      expect(await snapshot()).toBe(before);
    },
  );

  test("control: at acme's host the same session's call works", async () => {
    const generate = actionNamed("generateTokenAction");
    const session = await sessionOf(acme.host, acme.admin);
    const count = () => countOf(`SELECT COUNT(*) AS n FROM "AccessToken" WHERE "userId" = ?`, [acme.admin.id]);
    const before = await count();
    const response = await callActionAt(acme.host, generate, session.cookie);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(response.headers.get("x-action-redirect")).toBeNull();
    expect(await count()).toBe(before + 1);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. The same email in both workspaces

describe("the same email in two workspaces", () => {
  const sam = (workspace: Workspace): Credentials => ({ email: SHARED_EMAIL, password: workspace.sam.password });

  test("each password makes a token only at its own workspace's host", async () => {
    await tokenByPassword(acme.host, sam(acme));
    await tokenByPassword(beta.host, sam(beta));
    for (const [host, who] of [
      [beta.host, sam(acme)],
      [acme.host, sam(beta)],
    ] as const) {
      const refused = await send(host, "POST", "/v4/apiAccessTokens", {
        auth: { basic: who },
        json: { lifetimeSeconds: 60 },
      });
      expectUnauthorized(refused, "invalid_credentials");
    }
  });

  test("each password signs in only at its own workspace's host", async () => {
    const atAcme = await signInAt(acme.host, sam(acme));
    expect(atAcme.sessionCookie).not.toBeNull();
    const session = { cookie: atAcme.sessionCookie ?? "" };
    const me = await ok<Person>(200, acme.host, "GET", "/v4/people/current", { auth: session });
    expect(me.id).toBe(acme.sam.person.id);

    const crossed = await signInAt(beta.host, sam(acme));
    expect(crossed.sessionCookie).toBeNull();
    expect(new URL(crossed.response.body.url ?? "", originOf(beta.host)).searchParams.get("error")).toBeTruthy();
  });

  test("each workspace's token is its own person: the ids differ, the email is the same", async () => {
    const atAcme = await ok<Person>(200, acme.host, "GET", "/v4/people/current", { auth: bearer(acme.sam.token) });
    const atBeta = await ok<Person>(200, beta.host, "GET", "/v4/people/current", { auth: bearer(beta.sam.token) });
    expect(atAcme.id).toBe(acme.sam.person.id);
    expect(atBeta.id).toBe(beta.sam.person.id);
    expect(atAcme.id).not.toBe(atBeta.id);
    expect(atAcme.email).toBe(SHARED_EMAIL);
    expect(atBeta.email).toBe(SHARED_EMAIL);
    expect([atAcme.name, atBeta.name]).toEqual(["Sam of acme", "Sam of beta"]);
  });

  test.each(["acme", "beta"] as const)("the lists at %s's host show only that workspace's", async (name) => {
    const [here, there] = name === "acme" ? [acme, beta] : [beta, acme];
    const tokensHere = await dbQuery<{ id: string }>(
      `SELECT t."id" FROM "AccessToken" t JOIN "User" u ON u."id" = t."userId" WHERE u."workspaceId" = ?`,
      [here.id],
    );
    const tokenIdsHere = new Set(tokensHere.map((row) => row.id));
    const peopleHere = await dbQuery<{ id: string }>(`SELECT "id" FROM "User" WHERE "workspaceId" = ?`, [here.id]);
    const personIdsHere = new Set(peopleHere.map((row) => row.id));
    const theirIds = [
      there.admin.id,
      there.sam.person.id,
      there.admin.token.tokenInfo.tokenId,
      there.sam.token.tokenInfo.tokenId,
    ];

    // Sam's own tokens: only Sam's of this workspace.
    const own = await listAll<TokenInfo>(here.host, "/v4/apiAccessTokens", bearer(here.sam.token));
    const samsTokens = await dbQuery<{ id: string }>(`SELECT "id" FROM "AccessToken" WHERE "userId" = ?`, [
      here.sam.person.id,
    ]);
    expect(new Set(own.data.map((info) => info.tokenId))).toEqual(new Set(samsTokens.map((row) => row.id)));

    const admin = bearer(here.admin.token);
    const people = await listAll<Person>(here.host, "/v4/people", admin);
    expect(new Set(people.data.map((person) => person.id))).toEqual(personIdsHere);
    expect(people.count).toBe(personIdsHere.size);

    const inventory = await listAll<TokenInfo>(here.host, "/v4/workspaces/current/apiAccessTokens", admin);
    expect(new Set(inventory.data.map((info) => info.tokenId))).toEqual(tokenIdsHere);

    const events = await listAll<AuditEvent>(here.host, "/v4/auditEvents", admin);
    expect(events.count).toBe(
      await countOf(`SELECT COUNT(*) AS n FROM "audit_events" WHERE "workspaceId" = ?`, [here.id]),
    );
    expect(events.data.length).toBeGreaterThan(0);
    for (const event of events.data) {
      if (event.person) expect(personIdsHere.has(event.person.id), JSON.stringify(event)).toBe(true);
      if (event.actor.personId) expect(personIdsHere.has(event.actor.personId), JSON.stringify(event)).toBe(true);
    }
    const everything = JSON.stringify([own, people, inventory, events]);
    for (const id of theirIds) expect(everything).not.toContain(id);
  });

  test("instance-wide events (no workspace) are shown to the default workspace's admins only", async () => {
    const id = `instance-wide-${Date.now()}`;
    const occurredAt = database ? new Date() : new Date().toISOString().replace("Z", "+00:00");
    await dbQuery(
      `INSERT INTO "audit_events" ("id", "workspaceId", "occurredAt", "type", "actorId", "actorMethod", "actorTokenId", "subjectId", "tokenId", "clientAddress", "userAgent", "details")
       VALUES (?, NULL, ?, 'auth.throttled', NULL, 'anonymous', NULL, NULL, NULL, '192.0.2.77', '', ?)`,
      [id, occurredAt, JSON.stringify({ dimension: "token-address", keyKind: "address", blockSeconds: 2 })],
    );
    const defaultAdmin = bearer(await tokenByPassword(defaultHost, TEST_ADMIN));
    const seenByDefault = await listAll<AuditEvent>(defaultHost, "/v4/auditEvents?type=auth.throttled", defaultAdmin);
    expect(seenByDefault.data.map((event) => event.id)).toContain(id);
    for (const workspace of [acme, beta]) {
      const seen = await listAll<AuditEvent>(
        workspace.host,
        "/v4/auditEvents?type=auth.throttled",
        bearer(workspace.admin.token),
      );
      expect(seen.data.map((event) => event.id)).not.toContain(id);
    }
  });

  test("Sam changing the password at acme leaves beta's Sam's as it was", async () => {
    const [betaBefore] = await dbQuery<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "id" = ?`, [
      beta.sam.person.id,
    ]);
    const newPassword = "sam-at-acme-new-password";
    const changed = await send(acme.host, "PUT", "/v4/people/current/password", {
      auth: bearer(acme.sam.token),
      json: { currentPassword: acme.sam.password, newPassword },
    });
    expect(changed.status, changed.text).toBe(204);
    acme.sam.password = newPassword;
    await tokenByPassword(acme.host, sam(acme));
    await tokenByPassword(beta.host, sam(beta));
    const atBeta = await send(beta.host, "POST", "/v4/apiAccessTokens", {
      auth: { basic: sam(acme) },
      json: { lifetimeSeconds: 60 },
    });
    expectUnauthorized(atBeta, "invalid_credentials");
    const [betaAfter] = await dbQuery<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "id" = ?`, [
      beta.sam.person.id,
    ]);
    expect(betaAfter.passwordHash).toBe(betaBefore.passwordHash);
  });

  // The password throttle counts per workspace and email: a guesser at beta's Sam must not lock out acme's Sam.
  // Last in this block: beta's Sam stays blocked for a moment (RATE_LIMIT_BLOCK_SECONDS), and nothing after it
  // uses that password.
  test("guessing Sam's password at beta blocks beta's Sam only, even from the guesser's own address", async () => {
    const from = uniqueAddress();
    const tokenFor = (workspace: Workspace, password: string) =>
      send(workspace.host, "POST", "/v4/apiAccessTokens", {
        auth: { basic: { email: SHARED_EMAIL, password } },
        json: { lifetimeSeconds: 60 },
        from,
      });
    const statuses: number[] = [];
    while (statuses.length <= ACCOUNT_FAILURES && !statuses.includes(429)) {
      statuses.push((await tokenFor(beta, "a wrong guess")).status);
    }
    expect(statuses.at(-1), JSON.stringify(statuses)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);

    // From that address beta's Sam is refused even with the right password; acme's Sam is another account.
    expectError(await tokenFor(beta, beta.sam.password), 429, "too_many_attempts");
    const acmeSam = await tokenFor(acme, acme.sam.password);
    expect(acmeSam.status, acmeSam.text).toBe(201);

    // beta's admins are told their Sam is under attack; acme's are told nothing.
    const attacks = (workspace: Workspace) =>
      listAll<AuditEvent>(
        workspace.host,
        "/v4/auditEvents?type=auth.account_under_attack",
        bearer(workspace.admin.token),
      );
    expect((await attacks(beta)).data.map((event) => event.person?.id)).toContain(beta.sam.person.id);
    expect((await attacks(acme)).data).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. A forged workspace header

describe("a client's X-Tessera-Workspace header", () => {
  test("naming acme's id at beta's host does not let acme's token in", async () => {
    for (const via of ["forwarded", "host"] as const) {
      for (const name of ["X-Tessera-Workspace", "x-tessera-workspace"]) {
        const response = await send(beta.host, "GET", "/v4/people/current", {
          auth: bearer(acme.sam.token),
          headers: { [name]: acme.id },
          via,
        });
        expectUnauthorized(response, "invalid_token");
      }
    }
    // Nor on a route Next.js answers, nor at the default workspace's host.
    const listed = await send(beta.host, "GET", "/v4/apiAccessTokens", {
      auth: bearer(acme.sam.token),
      headers: { "X-Tessera-Workspace": acme.id },
    });
    expectUnauthorized(listed, "invalid_token");
    const atDefault = await send(defaultHost, "GET", "/v4/people/current", {
      auth: bearer(acme.sam.token),
      headers: { "X-Tessera-Workspace": acme.id },
    });
    expectUnauthorized(atDefault, "invalid_token");
  });

  test("nor lets acme's password sign in or make a token at beta's host", async () => {
    const basic = await send(beta.host, "POST", "/v4/apiAccessTokens", {
      auth: { basic: acme.admin },
      json: { lifetimeSeconds: 60 },
      headers: { "X-Tessera-Workspace": acme.id },
    });
    expectUnauthorized(basic, "invalid_credentials");
    const signIn = await signInAt(beta.host, acme.admin, {});
    expect(signIn.sessionCookie).toBeNull();
  });

  test("nor opens a host that names no workspace", async () => {
    const response = await send(`nope.${DOMAIN}:${port}`, "GET", "/v4/people/current", {
      auth: bearer(acme.sam.token),
      headers: { "X-Tessera-Workspace": acme.id },
    });
    expectError(response, 404, "workspace_not_found");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Hosts that name no workspace, and the default workspace's

describe("the gate", () => {
  const unknownHosts = () => [
    `nope.${DOMAIN}:${port}`,
    "evil.test",
    `acme.evil.test:${port}`,
    `127.0.0.1:${port}`,
    "[::1]",
  ];

  test.each(["forwarded", "host"] as const)(
    "an unknown host is 404 workspace_not_found as JSON on the API (%s)",
    async (via) => {
      for (const host of unknownHosts()) {
        for (const [method, urlPath, call] of [
          ["GET", "/v4/people/current", { auth: bearer(acme.sam.token) }],
          ["GET", "/v4/openapi.json", {}],
          ["POST", "/v4/apiAccessTokens", { auth: { basic: acme.admin }, json: { lifetimeSeconds: 60 } }],
          ["GET", "/api/auth/csrf", {}],
          ["GET", "/", { auth: bearer(acme.sam.token) }],
          ["GET", "/v4/auth/verify", { auth: bearer(acme.sam.token) }],
        ] as Array<[string, string, Call]>) {
          const response = await send(host, method, urlPath, { ...call, via, headers: { Accept: "text/html" } });
          expectError(response, 404, "workspace_not_found");
          expect(response.body, `${host} ${urlPath}`).toEqual({
            error: { code: "workspace_not_found", message: "There is no workspace at this address" },
          });
        }
      }
    },
  );

  test("a page path asked for as HTML gets the plain page", async () => {
    for (const host of unknownHosts()) {
      for (const urlPath of ["/", "/preferences/access-tokens", "/login"]) {
        const response = await send(host, "GET", urlPath, { headers: { Accept: "text/html,*/*" } });
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^text\/html/);
        expect(response.text).toContain("There is no workspace at this address.");
        expect(response.text).not.toMatch(/acme|beta|tessera/i);
      }
    }
  });

  test("the answer is the same for an existing name in the wrong place as for a name that never existed", async () => {
    const answers: Array<{ accept: string; status: number; type: string | null; text: string }> = [];
    for (const host of [
      `acme.evil.test:${port}`,
      `nope.${DOMAIN}:${port}`,
      `acme.${DOMAIN}.evil.test`,
      `x.acme.${DOMAIN}:${port}`,
    ]) {
      for (const accept of ["application/json", "text/html"]) {
        const response = await send(host, "GET", "/preferences/access-tokens", { headers: { Accept: accept } });
        answers.push({
          accept,
          status: response.status,
          type: response.headers.get("content-type"),
          text: response.text,
        });
      }
    }
    const byAccept = (accept: string) =>
      answers.filter((answer) => answer.accept === accept).map(({ status, type, text }) => ({ status, type, text }));
    for (const accept of ["application/json", "text/html"]) {
      const [first, ...rest] = byAccept(accept);
      expect(first.status).toBe(404);
      for (const other of rest) expect(other).toEqual(first);
    }
  });

  test("/healthz answers on any host", async () => {
    for (const host of [...unknownHosts(), acme.host, defaultHost]) {
      for (const via of ["forwarded", "host"] as const) {
        const response = await send(host, "GET", "/healthz", { via });
        expect(response.status, `${host} ${via}: ${response.text}`).toBe(200);
      }
    }
  });

  test("the bare domain and default.<domain> are the default workspace, with the server's first admin", async () => {
    const token = await tokenByPassword(defaultHost, TEST_ADMIN);
    for (const host of [defaultHost, hostOf("default"), `DEFAULT.${DOMAIN.toUpperCase()}:${port}`, `${DOMAIN}.`]) {
      for (const via of ["forwarded", "host"] as const) {
        const me = await ok<Person>(200, host, "GET", "/v4/people/current", { auth: bearer(token), via });
        expect(me.email).toBe(TEST_ADMIN.email);
      }
    }
    // The default workspace's admin is nobody at acme, by token or by password.
    expectUnauthorized(await send(acme.host, "GET", "/v4/people/current", { auth: bearer(token) }), "invalid_token");
    const basic = await send(acme.host, "POST", "/v4/apiAccessTokens", {
      auth: { basic: TEST_ADMIN },
      json: { lifetimeSeconds: 60 },
    });
    expectUnauthorized(basic, "invalid_credentials");
    // And acme's token is nobody's at the default workspace.
    expectUnauthorized(
      await send(defaultHost, "GET", "/v4/people/current", { auth: bearer(acme.admin.token) }),
      "invalid_token",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The Host header itself, as a client without a proxy sends it

describe("the plain Host header", () => {
  test("names the workspace like X-Forwarded-Host does", async () => {
    const me = await ok<Person>(200, acme.host, "GET", "/v4/people/current", {
      auth: bearer(acme.sam.token),
      via: "host",
    });
    expect(me.id).toBe(acme.sam.person.id);
    const upper = await ok<Person>(
      200,
      acme.host.toUpperCase(),
      "GET",
      "/v4/apiAccessTokens/" + acme.sam.token.tokenInfo.tokenId,
      {
        auth: bearer(acme.sam.token),
        via: "host",
      },
    );
    expect(upper).toMatchObject({ tokenId: acme.sam.token.tokenInfo.tokenId });
    const made = await ok<CreatedToken>(201, beta.host, "POST", "/v4/apiAccessTokens", {
      auth: { basic: beta.admin },
      json: { lifetimeSeconds: 60 },
      via: "host",
    });
    const byIt = await ok<Person>(200, beta.host, "GET", "/v4/people/current", { auth: bearer(made), via: "host" });
    expect(byIt.id).toBe(beta.admin.id);
    expectUnauthorized(
      await send(beta.host, "GET", "/v4/people/current", { auth: bearer(acme.sam.token), via: "host" }),
      "invalid_token",
    );
  });

  test("gives way to X-Forwarded-Host from a trusted proxy (except for the forward-auth check)", async () => {
    const response = await send(acme.host, "GET", "/v4/people/current", {
      auth: bearer(acme.sam.token),
      via: "host",
      headers: { "X-Forwarded-Host": beta.host },
    });
    expectUnauthorized(response, "invalid_token");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Proxies in a chain may send X-Forwarded-Host as a list; the gate takes the first ("the one the client asked
// for", lib/server/workspace-gate.ts), and an empty one as none (Host decides). Everything after the gate must
// read the same host: next-auth builds its URLs from X-Forwarded-Host as it stands.

describe("X-Forwarded-Host as proxies may send it", () => {
  test("the first names the workspace", async () => {
    const me = await ok<Person>(200, `${acme.host}, proxy.internal`, "GET", "/v4/people/current", {
      auth: bearer(acme.sam.token),
    });
    expect(me.id).toBe(acme.sam.person.id);
    const listed = await send(`${beta.host}, ${acme.host}`, "GET", "/v4/people/current", {
      auth: bearer(acme.sam.token),
    });
    expectUnauthorized(listed, "invalid_token");
  });

  test("and next-auth works at that first host, naming it in its URLs", async () => {
    for (const urlPath of ["/api/auth/providers", "/api/auth/csrf"]) {
      const response = await send(`${acme.host}, proxy.internal`, "GET", urlPath);
      expect(response.status, `${urlPath}: ${response.text.slice(0, 200)}`).toBe(200);
    }
    const providers = await ok<Record<string, { callbackUrl: string }>>(
      200,
      `${acme.host}, proxy.internal`,
      "GET",
      "/api/auth/providers",
    );
    expect(providers.credentials.callbackUrl).toBe(`${originOf(acme.host)}/api/auth/callback/credentials`);
  });

  test("an empty one leaves the choice to Host, for the API and for next-auth", async () => {
    const empty = { via: "host" as const, headers: { "X-Forwarded-Host": "" } };
    const me = await ok<Person>(200, acme.host, "GET", "/v4/people/current", {
      ...empty,
      auth: bearer(acme.sam.token),
    });
    expect(me.id).toBe(acme.sam.person.id);
    const providers = await send<Record<string, { callbackUrl: string }>>(
      acme.host,
      "GET",
      "/api/auth/providers",
      empty,
    );
    expect(providers.status, providers.text.slice(0, 200)).toBe(200);
    expect(providers.body.credentials.callbackUrl).toBe(`${originOf(acme.host)}/api/auth/callback/credentials`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 5. The endpoint list

describe("GET / with a token", () => {
  test("lists the endpoints at the token's own host, and is 401 at another's", async () => {
    for (const urlPath of ["/", "/v4"]) {
      const list = await ok<{ data: unknown[] }>(200, acme.host, "GET", urlPath, { auth: bearer(acme.sam.token) });
      expect(Array.isArray(list.data)).toBe(true);
      expect(list.data.length).toBeGreaterThan(10);
      expectUnauthorized(await send(beta.host, "GET", urlPath, { auth: bearer(acme.sam.token) }), "invalid_token");
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 6. The invalid-token throttle

describe("the invalid-token throttle", () => {
  test(`acme's token at beta counts like a wrong token: the address is blocked after ${TOKEN_FAILURES}`, async () => {
    const from = uniqueAddress();
    const acmeAtBeta = () => send(beta.host, "GET", "/v4/people/current", { auth: bearer(acme.sam.token), from });
    const madeUpAtBeta = () => send(beta.host, "GET", "/v4/apiAccessTokens", { auth: bearer(madeUpToken()), from });
    const statuses: number[] = [];
    // Mixed, to show both feed one count.
    for (const attempt of [madeUpAtBeta, acmeAtBeta, madeUpAtBeta, acmeAtBeta, acmeAtBeta, acmeAtBeta]) {
      statuses.push((await attempt()).status);
    }
    expect(statuses).toEqual([...Array<number>(TOKEN_FAILURES).fill(401), 429]);
    const blocked = await acmeAtBeta();
    expectError(blocked, 429, "too_many_attempts");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Blocked everywhere for wrong tokens (the address is one client), while a valid token still works.
    expect((await send(acme.host, "GET", "/v4/people/current", { auth: bearer(madeUpToken()), from })).status).toBe(
      429,
    );
    expect((await send(acme.host, "GET", "/v4/people/current", { auth: bearer(acme.sam.token), from })).status).toBe(
      200,
    );

    // Who is told of the block. On SQLite, beta's admins: the block started at beta's host. On PostgreSQL the
    // count is shared between instances and the block is recorded by the flush (every second) that starts it,
    // as an instance-wide event: the default workspace's admins. Never acme's: nothing tells acme its token was
    // tried elsewhere.
    const blockSeenAt = async (host: string, token: CreatedToken) =>
      (await listAll<AuditEvent>(host, "/v4/auditEvents?type=auth.throttled", bearer(token))).data.some(
        (event) => event.clientAddress === from,
      );
    const [toldHost, toldToken] = database
      ? [defaultHost, await tokenByPassword(defaultHost, TEST_ADMIN)]
      : [beta.host, beta.admin.token];
    const deadline = Date.now() + 3_000;
    while (!(await blockSeenAt(toldHost, toldToken)) && Date.now() < deadline) await sleep(200);
    expect(await blockSeenAt(toldHost, toldToken)).toBe(true);
    expect(await blockSeenAt(acme.host, acme.admin.token)).toBe(false);
  });

  test("the same count of valid uses at acme's own host never blocks", async () => {
    const from = uniqueAddress();
    for (let i = 0; i <= TOKEN_FAILURES + 1; i++) {
      const response = await send(acme.host, "GET", "/v4/people/current", { auth: bearer(acme.sam.token), from });
      expect(response.status).toBe(200);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 7. Revoke-by-value and introspection

describe("revoking by value and introspection", () => {
  test("a revoke at beta's host with acme's token value answers 202 and revokes nothing; at acme it revokes", async () => {
    const leaked = await ok<CreatedToken>(201, acme.host, "POST", "/v4/apiAccessTokens", {
      auth: bearer(acme.admin.token),
      json: { lifetimeSeconds: 3600, description: "leaked" },
    });
    const tokenId = leaked.tokenInfo.tokenId;
    const revokeAt = (host: string, tokenValue: string) =>
      send(host, "POST", "/v4/apiAccessTokens/revoke", { json: { tokenValue } });

    const atBeta = await revokeAt(beta.host, leaked.tokenValue);
    const madeUp = await revokeAt(beta.host, madeUpToken());
    expect(atBeta.status).toBe(202);
    expect(atBeta.body).toEqual({ status: "accepted" });
    expect(atBeta.body).toEqual(madeUp.body);
    expect(await countOf(`SELECT COUNT(*) AS n FROM "AccessToken" WHERE "id" = ?`, [tokenId])).toBe(1);
    expect(
      await countOf(`SELECT COUNT(*) AS n FROM "audit_events" WHERE "tokenId" = ? AND "type" = 'token.revoked'`, [
        tokenId,
      ]),
    ).toBe(0);
    const stillWorks = await ok<Person>(200, acme.host, "GET", "/v4/people/current", { auth: bearer(leaked) });
    expect(stillWorks.id).toBe(acme.admin.id);

    expect((await revokeAt(acme.host, leaked.tokenValue)).status).toBe(202);
    expectUnauthorized(await send(acme.host, "GET", "/v4/people/current", { auth: bearer(leaked) }), "invalid_token");
    expect(await countOf(`SELECT COUNT(*) AS n FROM "AccessToken" WHERE "id" = ?`, [tokenId])).toBe(0);
    const revoked = (workspace: Workspace) =>
      listAll<AuditEvent>(
        workspace.host,
        `/v4/auditEvents?type=token.revoked&tokenId=${tokenId}`,
        bearer(workspace.admin.token),
      );
    expect((await revoked(acme)).data).toHaveLength(1);
    expect((await revoked(beta)).data).toHaveLength(0);
  });

  test("introspection sees only its own workspace's tokens", async () => {
    const introspect = (workspace: Workspace, token: CreatedToken) =>
      ok<Record<string, unknown>>(200, workspace.host, "POST", "/v4/auth/introspect", {
        auth: bearer(workspace.admin.token),
        body: `token=${token.tokenValue}`,
        headers: FORM,
      });
    expect(await introspect(beta, acme.sam.token)).toEqual({ active: false });
    expect(await introspect(acme, beta.sam.token)).toEqual({ active: false });
    expect(await introspect(acme, acme.sam.token)).toMatchObject({
      active: true,
      sub: acme.sam.person.id,
      username: SHARED_EMAIL,
    });
    expect(await introspect(beta, beta.sam.token)).toMatchObject({
      active: true,
      sub: beta.sam.person.id,
      username: SHARED_EMAIL,
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 8. The forward-auth check

describe("GET /v4/auth/verify", () => {
  const verify = (host: string, token: CreatedToken, forwardedHost?: string) =>
    send(host, "GET", "/v4/auth/verify", {
      auth: bearer(token),
      via: "host",
      headers: { "X-Forwarded-Method": "GET", ...(forwardedHost ? { "X-Forwarded-Host": forwardedHost } : {}) },
    });

  test("takes the workspace from Host: acme's token is 401 at beta's", async () => {
    const response = await verify(beta.host, acme.sam.token);
    expectUnauthorized(response, "invalid_token");
    expect(response.headers.get("tessera-error")).toBe("invalid_token");
  });

  test("at acme's Host it is 200, whatever API host the proxy names in X-Forwarded-Host", async () => {
    for (const forwardedHost of [undefined, "api.example.com", beta.host, `nope.${DOMAIN}`]) {
      const response = await verify(acme.host, acme.sam.token, forwardedHost);
      expect(response.status, `${forwardedHost}: ${response.text}`).toBe(200);
      expect(response.headers.get("x-tessera-user-id")).toBe(acme.sam.person.id);
    }
  });

  test("X-Forwarded-Host naming acme does not make beta's Host accept acme's token", async () => {
    expectUnauthorized(await verify(beta.host, acme.sam.token, acme.host), "invalid_token");
  });

  test("a Host that names no workspace is 404, even with a workspace's X-Forwarded-Host", async () => {
    expectError(await verify(`nope.${DOMAIN}:${port}`, acme.sam.token, acme.host), 404, "workspace_not_found");
    expectError(await verify(`127.0.0.1:${port}`, acme.sam.token, acme.host), 404, "workspace_not_found");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 9. next-auth at a workspace's host

describe("next-auth at acme's host", () => {
  test("names acme's host in its URLs, never localhost", async () => {
    const providers = await ok<Record<string, { signinUrl: string; callbackUrl: string }>>(
      200,
      acme.host,
      "GET",
      "/api/auth/providers",
    );
    expect(providers.credentials.callbackUrl).toBe(`${originOf(acme.host)}/api/auth/callback/credentials`);
    const atBeta = await ok<typeof providers>(200, beta.host, "GET", "/api/auth/providers");
    expect(atBeta.credentials.callbackUrl).toBe(`${originOf(beta.host)}/api/auth/callback/credentials`);

    const { response, sessionCookie, sessionCookieLine } = await signInAt(acme.host, acme.admin);
    expect(sessionCookie).not.toBeNull();
    // A host-only cookie: with Domain=tessera.test the browser would send it to every workspace's host.
    expect(sessionCookieLine?.toLowerCase()).not.toContain("domain=");
    expect(response.body.url).toMatch(new RegExp(`^${originOf(acme.host).replace(/\./g, "\\.")}(/|$)`));
    expect(response.text).not.toContain("localhost");

    // The sign-in page's redirect: to acme's /login, to come back to acme's host.
    const signInPage = await send(acme.host, "GET", "/api/auth/signin");
    const location = new URL(signInPage.headers.get("location") ?? "", originOf(acme.host));
    expect(location.origin).toBe(originOf(acme.host));
    expect(location.pathname).toBe("/login");
    expect(signInPage.headers.get("location")).not.toContain("localhost");
    expect(new URL(location.searchParams.get("callbackUrl") ?? "", "http://x.invalid").origin).toBe(
      originOf(acme.host),
    );
  });

  test("a plain form post redirects to acme's host", async () => {
    const csrf = await send<{ csrfToken: string }>(acme.host, "GET", "/api/auth/csrf");
    const response = await send(acme.host, "POST", "/api/auth/callback/credentials", {
      headers: { ...FORM, Cookie: cookiesOf(csrf.headers), Origin: originOf(acme.host) },
      body: new URLSearchParams({
        csrfToken: csrf.body.csrfToken,
        email: acme.admin.email,
        password: acme.admin.password,
      }).toString(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location") ?? "").toMatch(
      new RegExp(`^${originOf(acme.host).replace(/\./g, "\\.")}(/|$)`),
    );
  });

  test("a callbackUrl elsewhere (another site, another workspace) is not followed; one of acme's is", async () => {
    const followed = async (callbackUrl: string) => {
      const { response, sessionCookie } = await signInAt(acme.host, acme.admin, { callbackUrl });
      expect(sessionCookie).not.toBeNull();
      return new URL(response.body.url ?? "");
    };
    for (const foreign of [
      "https://evil.test/steal",
      `${originOf(beta.host)}/preferences/access-tokens`,
      `http://localhost:${port}/`,
    ]) {
      const url = await followed(foreign);
      expect(url.origin, foreign).toBe(originOf(acme.host));
    }
    const own = await followed("/preferences/access-tokens");
    expect(own.href).toBe(`${originOf(acme.host)}/preferences/access-tokens`);
  });

  test("a wrong password's answer names acme's host too", async () => {
    const { response, sessionCookie } = await signInAt(acme.host, {
      email: acme.admin.email,
      password: "wrong password",
    });
    expect(sessionCookie).toBeNull();
    const url = new URL(response.body.url ?? "", "http://x.invalid");
    expect(url.origin).toBe(originOf(acme.host));
    expect(url.searchParams.get("error")).toBeTruthy();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 10. Rename and delete with the CLI (last: acme is gone afterwards)

describe("renaming and deleting acme with the CLI", () => {
  /** Polls until the host answers 404 workspace_not_found; returns how long that took. */
  async function untilGone(host: string, token: CreatedToken): Promise<number> {
    const start = Date.now();
    for (;;) {
      const response = await send(host, "GET", "/v4/people/current", { auth: bearer(token) });
      if (response.status === 404) {
        expectError(response, 404, "workspace_not_found");
        return Date.now() - start;
      }
      if (Date.now() - start > NAME_CACHE_GRACE_MS) return Date.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  test("rename: the old host is 404 within seconds, and acme's token works at the new one", async () => {
    // The old name is in the cache now, as on a busy server.
    expect((await send(acme.host, "GET", "/v4/people/current", { auth: bearer(acme.admin.token) })).status).toBe(200);
    const cli = await workspaceCli("rename", "acme", "acme2");
    expect(cli.status, cli.output).toBe(0);
    expect(await untilGone(acme.host, acme.admin.token)).toBeLessThanOrEqual(NAME_CACHE_GRACE_MS);
    const me = await ok<Person>(200, hostOf("acme2"), "GET", "/v4/people/current", { auth: bearer(acme.admin.token) });
    expect(me.id).toBe(acme.admin.id);
    // Still nobody at beta.
    expectUnauthorized(
      await send(beta.host, "GET", "/v4/people/current", { auth: bearer(acme.admin.token) }),
      "invalid_token",
    );
  });

  test("delete --yes: the host is 404, and acme's people, tokens and audit trail are gone", async () => {
    const host = hostOf("acme2");
    const cli = await workspaceCli("delete", "acme2", "--yes");
    expect(cli.status, cli.output).toBe(0);
    expect(await countOf(`SELECT COUNT(*) AS n FROM "Workspace" WHERE "id" = ?`, [acme.id])).toBe(0);
    expect(await countOf(`SELECT COUNT(*) AS n FROM "User" WHERE "workspaceId" = ?`, [acme.id])).toBe(0);
    expect(await countOf(`SELECT COUNT(*) AS n FROM "audit_events" WHERE "workspaceId" = ?`, [acme.id])).toBe(0);
    const tokenIds = [acme.admin.token.tokenInfo.tokenId, acme.sam.token.tokenInfo.tokenId];
    expect(await countOf(`SELECT COUNT(*) AS n FROM "AccessToken" WHERE "id" IN (?, ?)`, tokenIds)).toBe(0);

    // While the name is still cached the token is no longer anybody's; then the host is gone.
    const during = await send(host, "GET", "/v4/people/current", { auth: bearer(acme.admin.token) });
    expect([401, 404]).toContain(during.status);
    expect(await untilGone(host, acme.admin.token)).toBeLessThanOrEqual(NAME_CACHE_GRACE_MS);

    // A deleted workspace's host answers exactly as one that never existed.
    for (const accept of ["application/json", "text/html"]) {
      const deleted = await send(host, "GET", "/preferences/access-tokens", { headers: { Accept: accept } });
      const never = await send(`never-was.${DOMAIN}:${port}`, "GET", "/preferences/access-tokens", {
        headers: { Accept: accept },
      });
      expect(deleted.status).toBe(404);
      expect({ type: deleted.headers.get("content-type"), text: deleted.text }).toEqual({
        type: never.headers.get("content-type"),
        text: never.text,
      });
    }
    // Beta is untouched, Sam of beta included.
    const me = await ok<Person>(200, beta.host, "GET", "/v4/people/current", { auth: bearer(beta.sam.token) });
    expect(me.id).toBe(beta.sam.person.id);
  });
});
