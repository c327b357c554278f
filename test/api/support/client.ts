// Helpers for the API tests: plain fetch against the running app, with the contract's shapes as types (those of
// the OpenAPI document's schemas). Every test makes its own people and tokens, because all files share one
// server and one database.
import { randomBytes } from "node:crypto";
import { expect, inject } from "vitest";
import type { z } from "zod";
import type {
  auditEventSchema,
  createdTokenSchema,
  personSchema,
  tokenInfoSchema,
  workspaceSettingsSchema,
} from "@/lib/openapi/schemas";
import { cookiesOf, credentialsForm } from "../../support/credentials-form";

export type TokenInfo = z.infer<typeof tokenInfoSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type Person = z.infer<typeof personSchema>;
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type List<T> = { data: T[]; count: number };
export type ErrorBody = { error: { code: string; message: string } };

export const TOKEN_INFO_KEYS = [
  "createdAt",
  "description",
  "expiredAt",
  "expiryLimit",
  "lastUsed",
  "scopes",
  "status",
  "tokenId",
];
export const PERSON_KEYS = [
  "canGenerateApiAccessTokens",
  "createdAt",
  "email",
  "id",
  "isAdmin",
  "isDisabled",
  "lastLoginTime",
  "name",
];
export const DAY_SECONDS = 86_400;

/** How a request authenticates: a token, email and password, a session cookie, or a raw header value. */
export type Auth =
  | { bearer: string }
  | { basic: { email: string; password: string } }
  | { cookie: string; origin?: string }
  | { authorization: string };

export type RequestOptions = {
  auth?: Auth;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent as is; set the content type yourself. */
  body?: BodyInit;
  headers?: Record<string, string>;
};

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string };

export function baseUrl(): string {
  return inject("baseUrl");
}

export function admin(): { email: string; password: string } {
  return inject("admin");
}

export function basicHeader(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`, "utf8").toString("base64")}`;
}

function authHeaders(auth: Auth | undefined): Record<string, string> {
  if (!auth) return {};
  if ("bearer" in auth) return { Authorization: `Bearer ${auth.bearer}` };
  if ("basic" in auth) return { Authorization: basicHeader(auth.basic.email, auth.basic.password) };
  if ("cookie" in auth) return { Cookie: auth.cookie, Origin: auth.origin ?? baseUrl() };
  return { Authorization: auth.authorization };
}

/** One request; the body is parsed as JSON when the response says it is JSON. Redirects are not followed. */
export async function api<T = unknown>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...authHeaders(options.auth), ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers["Content-Type"] ??= "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${baseUrl()}${path}`, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  const isJson = /^application\/json/i.test(response.headers.get("content-type") ?? "");
  return { status: response.status, headers: response.headers, body: (isJson ? JSON.parse(text) : text) as T, text };
}

export function bearer(token: string | CreatedToken): Auth {
  return { bearer: typeof token === "string" ? token : token.tokenValue };
}

/** Asserts the contract's error: this status, JSON {error: {code, message}}, and optionally what the message names. */
export function expectError(response: ApiResponse, status: number, code: string, names?: string): ErrorBody {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = response.body as ErrorBody;
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message.length).toBeGreaterThan(0);
  if (names !== undefined) expect(body.error.message).toContain(names);
  return body;
}

/** A 401 with its code and the WWW-Authenticate: Bearer challenge. */
export function expectUnauthorized(response: ApiResponse, code: string): ErrorBody {
  const body = expectError(response, 401, code);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  return body;
}

export function expectTokenInfo(value: unknown): TokenInfo {
  expect(value).toBeTypeOf("object");
  const info = value as TokenInfo;
  expect(Object.keys(info).sort()).toEqual(TOKEN_INFO_KEYS);
  expect(info.tokenId).toMatch(/^[0-9A-Za-z]{16}$/);
  expect(typeof info.description).toBe("string");
  expect(["active", "expired", "blocked"]).toContain(info.status);
  expect(["lifetime", "workspace_maximum", null]).toContain(info.expiryLimit);
  expect(info.expiryLimit === null).toBe(info.expiredAt === null);
  expect(info.scopes.length).toBeGreaterThan(0);
  expect(info.scopes.every((scope) => scope === "api" || scope === "read_api")).toBe(true);
  for (const at of [info.createdAt, info.expiredAt, info.lastUsed]) {
    if (at !== null) expect(new Date(at).toISOString()).toBe(at);
  }
  return info;
}

export function expectPerson(value: unknown): Person {
  expect(value).toBeTypeOf("object");
  const person = value as Person;
  expect(Object.keys(person).sort()).toEqual(PERSON_KEYS);
  return person;
}

/** No key names a password, hash or secret, and no value looks like a bcrypt or SHA-256 hash, at any depth. */
export function expectNoSecrets(value: unknown, where = "body"): void {
  if (typeof value === "string") {
    expect(value, where).not.toMatch(/^\$2[aby]\$|^[0-9a-f]{64}$/i);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      expect(key, where).not.toMatch(/password|hash|secret/i);
      expectNoSecrets(inner, `${where}.${key}`);
    }
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.test`;
}

/**
 * A client address no other call of any test file uses (IPv6 documentation prefix, 64 random bits), to send
 * as X-Forwarded-For: the shared server trusts it and counts failures per address, so an address shared by
 * chance would let one test's failures block another's requests.
 */
export function uniqueAddress(): string {
  const hex = randomBytes(8).toString("hex");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12)}::1`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Creates a token and asserts the 201; `auth` is Basic for a first token or a Bearer token of the same user. */
export async function createToken(
  auth: Auth,
  input: { lifetimeSeconds: number; description?: string } = { lifetimeSeconds: 3600 },
): Promise<CreatedToken> {
  const response = await api<CreatedToken>("POST", "/v4/apiAccessTokens", { auth, json: input });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

let adminTokenPromise: Promise<string> | undefined;

/** A token of the first admin, made once per test file (each Basic sign-in costs a bcrypt compare). */
export function adminToken(): Promise<string> {
  adminTokenPromise ??= createToken({ basic: admin() }, { lifetimeSeconds: 7 * DAY_SECONDS }).then(
    (created) => created.tokenValue,
  );
  return adminTokenPromise;
}

export type TestUser = { person: Person; email: string; password: string };

/** A new person, created by the admin through POST /v4/people, then given the flags asked for. */
export async function createPerson(
  flags: Partial<Pick<Person, "isAdmin" | "canGenerateApiAccessTokens" | "name">> = {},
  label = "person",
): Promise<TestUser> {
  const email = uniqueEmail(label);
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const auth = bearer(await adminToken());
  const created = await api<Person>("POST", "/v4/people", {
    auth,
    json: { email, name: flags.name ?? label, password, isAdmin: flags.isAdmin ?? false },
  });
  expect(created.status, created.text).toBe(201);
  let person = created.body;
  if (flags.canGenerateApiAccessTokens) person = await updatePerson(person.id, { canGenerateApiAccessTokens: true });
  return { person, email, password };
}

export async function updatePerson(id: string, input: Record<string, unknown>): Promise<Person> {
  const response = await api<Person>("PATCH", `/v4/people/${id}`, { auth: bearer(await adminToken()), json: input });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

export type UserWithToken = TestUser & { token: CreatedToken };

/** A person allowed to generate tokens individually, with a first token got through Basic email:password. */
export async function createUserWithToken(label = "user", lifetimeSeconds = 3600): Promise<UserWithToken> {
  const user = await createPerson({ canGenerateApiAccessTokens: true }, label);
  const token = await createToken({ basic: { email: user.email, password: user.password } }, { lifetimeSeconds });
  return { ...user, token };
}

export async function listTokens(auth: Auth, query = ""): Promise<List<TokenInfo>> {
  const response = await api<List<TokenInfo>>("GET", `/v4/apiAccessTokens${query}`, { auth });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

export async function getSettings(): Promise<WorkspaceSettings> {
  const response = await api<WorkspaceSettings>("GET", "/v4/workspaces/current/settings", {
    auth: bearer(await adminToken()),
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

export async function patchSettings(input: Partial<WorkspaceSettings>, auth?: Auth): Promise<WorkspaceSettings> {
  const response = await api<WorkspaceSettings>("PATCH", "/v4/workspaces/current/settings", {
    auth: auth ?? bearer(await adminToken()),
    json: input,
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/**
 * Runs `fn` under changed workspace settings and always puts the previous settings back. The restore uses
 * the admin's browser session, because turning tokens off also stops the admin's own tokens.
 */
export async function withSettings<T>(input: Partial<WorkspaceSettings>, fn: () => Promise<T>): Promise<T> {
  const before = await getSettings();
  try {
    await patchSettings(input);
    return await fn();
  } finally {
    await patchSettings(before, await adminSession());
  }
}

let sessionPromise: Promise<Auth> | undefined;

/** Signs the first admin in, once per test file. */
export function adminSession(): Promise<Auth> {
  sessionPromise ??= signIn(admin().email, admin().password);
  return sessionPromise;
}

export type Session = { cookie: string };

/** Signs in through next-auth's credentials callback, as the login form does: a new session each time. */
export async function signIn(email: string, password: string, base = baseUrl()): Promise<Session> {
  const callback = await (await credentialsForm(base))(email, password);
  const cookie = cookiesOf(callback.headers);
  expect(cookie, "next-auth did not set a session cookie").toContain("next-auth.session-token=");
  return { cookie };
}

/** Signs out through next-auth, as the User menu's Sign out does; asserts that the answer clears the cookie. */
export async function signOut(session: Session, base = baseUrl()): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { Cookie: session.cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: `${session.cookie}; ${cookiesOf(csrf.headers)}`,
      Origin: base,
    },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  expect(response.status, await response.text()).toBe(200);
  expect(sessionCookieOf(response.headers)).toBe("");
}

/** The value a response sets the session cookie to ("" when it clears it), or null when it does not set it. */
export function sessionCookieOf(headers: Headers): string | null {
  const line = headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  return line === undefined ? null : line.slice("next-auth.session-token=".length).split(";")[0];
}
