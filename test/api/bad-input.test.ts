// Bad input everywhere: every operation with a body, path parameter or page gets a 4xx in the contract's JSON
// error shape for oversized, deep, mistyped, mis-encoded, prototype-key and repeated-key bodies, absurd
// path parameters and query strings, and odd methods and headers; never a 5xx; and the app keeps answering.
// (Single cases of these for one route live in the route's own file; this one covers every route.)
import { beforeAll, describe, expect, test } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { operations, type Operation } from "@/lib/openapi/registry";
import { adminToken, api, createPerson, expectError, type ApiResponse, uniqueAddress } from "./support/client";
import { raw, type RawResponse } from "./support/raw";

const LIMIT = MAX_BODY_BYTES;
const withBody = operations.filter((op) => op.body && !op.body.form);
const withFormBody = operations.filter((op) => op.body?.form);
const withPathParam = operations.filter((op) => op.pathParams);
const paged = operations.filter((op) => op.paged);

let token: string;
let personId: string;
beforeAll(async () => {
  token = await adminToken();
  personId = (await createPerson({}, "bad-input")).person.id;
});

/** The operation's path with its parameter filled in (a real person, or a well-formed unknown token id). */
function pathOf(op: Operation, value?: string): string {
  return op.path.replace("{tokenId}", value ?? "0000000000000000").replace("{id}", value ?? personId);
}

function send(op: Operation, body: Buffer | Buffer[], contentType = "application/json"): Promise<RawResponse> {
  return raw(op.method, pathOf(op), {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
    body,
  });
}

/** A 4xx with the contract's JSON error, and the code and words asked for. */
function expectClientError(response: RawResponse | ApiResponse, status: number, code: string, names?: string): void {
  const headers = response.headers instanceof Headers ? Object.fromEntries(response.headers) : response.headers;
  expect(response.status, response.text.slice(0, 300)).toBe(status);
  expect(headers["content-type"]).toMatch(/^application\/json/);
  expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
  if (names) expect((response.body as { error: { message: string } }).error.message).toContain(names);
}

async function expectStillAnswering(): Promise<void> {
  expect((await api("GET", "/healthz")).status).toBe(200);
  expect((await api("GET", "/v4/people/current", { auth: { bearer: token } })).status).toBe(200);
}

const json = (text: string) => Buffer.from(text, "utf8");

/** A valid body of each operation, so that what a test adds to it is the only thing wrong. */
const VALID: Record<string, Record<string, unknown>> = {
  createAccessToken: { lifetimeSeconds: 60 },
  revokeLeakedAccessToken: { tokenValue: "not-a-token" },
  changePassword: { currentPassword: "wrong-password", newPassword: "long-enough-password" },
  createPerson: { email: "someone@example.test", name: "Someone", password: "long-enough-password" },
  updatePerson: {},
  updateWorkspaceSettings: {},
};
/** The valid body with one more member, written as raw JSON text (so __proto__ stays an own key). */
const validWith = (op: Operation, member: string) =>
  json(
    JSON.stringify(VALID[op.operationId]).replace(
      /^\{/,
      `{${member}${Object.keys(VALID[op.operationId]).length ? "," : ""}`,
    ),
  );

describe.each(withBody.map((op) => ({ ...op, name: `${op.method} ${op.path}` })))("$name: bad bodies", (op) => {
  test("413 over the size limit: with a Content-Length, chunked without one, and 100,000 levels deep", async () => {
    expectClientError(await send(op, json(`"${"x".repeat(LIMIT)}"`)), 413, "payload_too_large");
    const chunks = [json('{"a":'), ...Array.from({ length: 20 }, () => json(" ".repeat(1024))), json("1}")];
    expectClientError(await send(op, chunks), 413, "payload_too_large");
    expectClientError(await send(op, json("[".repeat(100_000) + "]".repeat(100_000))), 413, "payload_too_large");
    await expectStillAnswering();
  });

  test("400 for deep nesting and huge arrays within the limit, naming the field", async () => {
    const field = Object.keys((op.body?.schema as unknown as { shape: object }).shape)[0];
    const values = [
      "[".repeat(5000) + "]".repeat(5000),
      `[${"1,".repeat(7000)}1]`,
      `{"a":${"[".repeat(4000)}${"]".repeat(4000)}}`,
    ];
    for (const value of values) {
      expectClientError(await send(op, json(`{"${field}":${value}}`)), 400, "invalid_request", field);
    }
    expectClientError(await send(op, json("[".repeat(8000) + "]".repeat(8000))), 400, "invalid_request", "body");
  });

  test.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonx",
    "application/xml",
    "json",
    "",
  ])("415 for Content-Type %j", async (type) => {
    expectClientError(await send(op, json("{}"), type), 415, "unsupported_media_type");
  });

  test("400 for invalid UTF-8 (a stray byte, a truncated sequence, an overlong encoding, a lone surrogate)", async () => {
    for (const bytes of [[0xff], [0xe2, 0x82], [0xc0, 0xae], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([json('{"x":"'), Buffer.from(bytes), json('"}')]);
      expectClientError(await send(op, body), 400, "invalid_request", "UTF-8");
    }
  });

  test("a byte order mark before the JSON is read past, not a 5xx", async () => {
    const field = Object.keys((op.body?.schema as unknown as { shape: object }).shape)[0];
    const response = await send(op, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(`{"${field}":[]}`)]));
    expectClientError(response, 400, "invalid_request", field);
  });

  test.each(["__proto__", "constructor", "prototype"])(
    "400 naming a %s key, at the top, nested in a known field and in an unknown one",
    async (key) => {
      const polluting = JSON.stringify({ isAdmin: true, polluted: "yes" });
      const named = `the field "${key}" is not allowed`;
      expectClientError(await send(op, validWith(op, `"${key}":${polluting}`)), 400, "invalid_request", named);
      const field = Object.keys((op.body?.schema as unknown as { shape: object }).shape)[0];
      const nested = await send(op, json(`{"${field}":{"${key}":${polluting}}}`));
      expectClientError(nested, 400, "invalid_request", named);
      const deep = await send(op, validWith(op, `"options":{"a":[{"${key}":${polluting}}]}`));
      expectClientError(deep, 400, "invalid_request", named);
      const me = await api<Record<string, unknown>>("GET", "/v4/people/current", { auth: { bearer: token } });
      expect(me.body.polluted).toBeUndefined();
    },
  );

  test("400 for a key repeated in one object, naming it", async () => {
    const field = Object.keys((op.body?.schema as unknown as { shape: object }).shape)[0];
    const response = await send(op, json(`{"${field}":1,"${field}":2}`));
    expectClientError(response, 400, "invalid_request", `"${field}" appears more than once`);
  });
});

// RFC 7662 introspection takes a form, not JSON: the same limits, in its own terms.
describe.each(withFormBody.map((op) => ({ ...op, name: `${op.method} ${op.path}` })))("$name: bad forms", (op) => {
  const FORM = "application/x-www-form-urlencoded";
  const form = (text: string) => send(op, json(text), FORM);

  test("413 over the size limit, with a Content-Length and chunked without one", async () => {
    expectClientError(await form(`token=${"x".repeat(LIMIT)}`), 413, "payload_too_large");
    const chunks = [json("token="), ...Array.from({ length: 20 }, () => json("y".repeat(1024)))];
    expectClientError(await send(op, chunks, FORM), 413, "payload_too_large");
    await expectStillAnswering();
  });

  test.each(["application/json", "text/plain", "multipart/form-data; boundary=x", ""])(
    "415 for Content-Type %j",
    async (type) => {
      expectClientError(await send(op, json("token=x"), type), 415, "unsupported_media_type");
    },
  );

  test("400 for invalid UTF-8, a missing or oversized token, and a parameter sent twice, naming it", async () => {
    const invalid = Buffer.concat([json("token="), Buffer.from([0xff, 0xfe])]);
    expectClientError(await send(op, invalid, FORM), 400, "invalid_request", "UTF-8");
    expectClientError(await form(""), 400, "invalid_request", "token");
    expectClientError(await form("token_type_hint=access_token"), 400, "invalid_request", "token");
    expectClientError(await form(`token=${"z".repeat(2000)}`), 400, "invalid_request", "token");
    expectClientError(await form("token=a&token=b"), 400, "invalid_request", '"token" appears more than once');
  });

  test("percent-encoding that does not decode, and prototype-looking names, are a 4xx or inactive, never a 5xx", async () => {
    for (const text of ["token=%", "token=%ff%fe", "__proto__=x&token=y", "token[]=x", "constructor=1&token=2"]) {
      const response = await form(text);
      expect(response.status, `${text}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
    }
  });
});

// Values a client might put where an id goes. Paths are sent exactly as written here.
const absurdParams: [string, string][] = [
  ["very long", "a".repeat(4000)],
  ["a null byte", "%00"],
  ["dot-dot and slashes, encoded", "..%2F..%2Fpeople%2Fcurrent"],
  ["encoded dot-dot", "%2e%2e%2fx"],
  ["an encoded backslash", "..%5C..%5C"],
  ["unicode", "%E2%9C%93%C3%B1%E5%AD%97%F0%9F%99%82"],
  ["an encoded slash", "0123456789abcdef%2F"],
  ["a stray percent sign", "%"],
  ["a malformed escape", "%ff"],
  ["a truncated escape", "%E0%A4%A"],
  ["an overlong encoding", "%c0%ae%c0%ae"],
  ["a lone surrogate", "%ED%A0%80"],
  ["control characters", "%01%1b%7f"],
  ["sql", "'%20OR%20'1'%3D'1"],
  ["a template", "%7B%7Bid%7D%7D"],
  ["a query-looking id", "x%3Flimit%3D1"],
];

describe.each(withPathParam.map((op) => ({ ...op, name: `${op.method} ${op.path}` })))("$name: absurd ids", (op) => {
  test.each(absurdParams)("%s: a 4xx JSON error, never a 5xx", async (_name, value) => {
    const body = op.body ? json("{}") : undefined;
    const headers = { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) };
    const response = await raw(op.method, pathOf(op, value), { headers, body });
    expect(response.status, response.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
    expect(response.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});

describe.each(paged.map((op) => ({ ...op, name: `${op.method} ${op.path}` })))("$name: absurd pages", (op) => {
  test.each([
    ["limit=99999999999999999999999", "limit"],
    ["limit=1e2", "limit"],
    ["limit=0x10", "limit"],
    ["limit=%2B5", "limit"],
    ["limit=%205", "limit"],
    ["limit=NaN", "limit"],
    ["limit=Infinity", "limit"],
    ["limit=%EF%BC%95", "limit"],
    ["limit[]=5", undefined],
    ["offset=1000000001", "offset"],
    ["offset=-0", "offset"],
    ["offset=%ff", "offset"],
    ["limit=1&limit=abc", undefined],
  ])("?%s: 200 or a 400 naming the parameter", async (query, field) => {
    const response = await api("GET", `${op.path}?${query}`, { auth: { bearer: token } });
    if (field) expectError(response, 400, "invalid_request", field);
    else expect(response.status, response.text).toBe(200);
  });
});

describe("odd methods, paths and headers", () => {
  test.each(["TRACE", "PROPFIND", "PURGE", "LOCK"])("%s: 405 JSON with Allow", async (method) => {
    for (const path of ["/v4/apiAccessTokens", "/v4/people/current", "/healthz", "/"]) {
      const response = await raw(method, path, { headers: { Authorization: `Bearer ${token}` } });
      expectClientError(response, 405, "method_not_allowed", method);
      expect(response.headers.allow).toContain("GET");
    }
    await expectStillAnswering();
  });

  test.each(["/v4/%ff", "/v4/whatever/%E0%A4%A", "/api/auth/%ff", "/%ff"])(
    "a malformed escape anywhere in the path (%s): 400 JSON",
    async (path) => {
      expectClientError(await raw("GET", path), 400, "invalid_request", "percent-encoded");
    },
  );

  test("an Authorization header of 10,000 characters, and one with bytes beyond ASCII: 401 invalid_token", async () => {
    for (const authorization of [`Bearer ${"a".repeat(10_000)}`, "Bearer t\u00e9st\u00ff"]) {
      const response = await raw("GET", "/v4/people/current", {
        headers: { Authorization: authorization, "X-Forwarded-For": uniqueAddress() },
      });
      expectClientError(response, 401, "invalid_token");
    }
  });

  test("two Authorization headers (Node.js keeps the first), a garbage session cookie, a huge X-Forwarded-For", async () => {
    const twice = await raw("GET", "/v4/people/current", {
      headers: { Authorization: ["Bearer other", `Bearer ${token}`], "X-Forwarded-For": uniqueAddress() },
    });
    expectClientError(twice, 401, "invalid_token");
    const cookie = await raw("GET", "/v4/people/current", {
      headers: { Cookie: `next-auth.session-token=${"eyJ".padEnd(4000, "x")}; other=%ff` },
    });
    expectClientError(cookie, 401, "missing_credentials");
    const forwarded = await raw("GET", "/v4/people/current", {
      headers: { Authorization: "Bearer nope", "X-Forwarded-For": `${"198.51.100.9, ".repeat(500)}${uniqueAddress()}` },
    });
    expectClientError(forwarded, 401, "invalid_token");
  });

  test("headers over Node.js's 16 KB limit get a JSON 431 from the server, and the app keeps answering", async () => {
    const response = await raw("GET", "/v4/people/current", { headers: { "X-Padding": "x".repeat(20_000) } });
    expectClientError(response, 431, "headers_too_large");
    await expectStillAnswering();
  });

  test("a method Node.js cannot parse gets a JSON 400 from the server, and the app keeps answering", async () => {
    expectClientError(await raw("FOO", "/v4/people/current"), 400, "invalid_request");
    await expectStillAnswering();
  });
});

// PostgreSQL refuses a NUL byte in text with an error (SQLite stores it): every place a client's string can reach
// a query must refuse or drop it first.
describe("NUL bytes and control characters, which PostgreSQL cannot store", () => {
  test("in a person's id: 404 for GET and PATCH", async () => {
    for (const method of ["GET", "PATCH"]) {
      const body = method === "PATCH" ? json('{"name":"x"}') : undefined;
      const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
      expectClientError(await raw(method, `/v4/people/${personId}%00`, { headers, body }), 404, "not_found");
    }
  });

  test("in a person's name: 400 naming name, when adding and when changing", async () => {
    const auth = { bearer: token };
    const person = { email: "nul-name@example.test", name: "a\u0000b", password: "long-enough-password" };
    expectError(await api("POST", "/v4/people", { auth, json: person }), 400, "invalid_request", "name");
    const renamed = await api("PATCH", `/v4/people/${personId}`, { auth, json: { name: "line\nbreak" } });
    expectError(renamed, 400, "invalid_request", "name");
  });

  test("in the email of Basic credentials and of the sign-in form: refused like a wrong password", async () => {
    const response = await api("POST", "/v4/apiAccessTokens", {
      auth: { basic: { email: "nobody\u0000@example.test", password: "whatever-password" } },
      json: { lifetimeSeconds: 60 },
      headers: { "X-Forwarded-For": uniqueAddress() },
    });
    expectError(response, 401, "invalid_credentials");
  });

  test("in a revoked value or a current password: the usual answers", async () => {
    const revoke = await api("POST", "/v4/apiAccessTokens/revoke", { json: { tokenValue: "tsr_\u0000" } });
    expect(revoke.status).toBe(202);
    const password = await api("PUT", "/v4/people/current/password", {
      auth: { bearer: token },
      json: { currentPassword: "\u0000", newPassword: "long-enough\u0000password" },
    });
    expectError(password, 400, "invalid_request", "currentPassword");
  });
});
