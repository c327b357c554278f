import { beforeAll, describe, expect, test } from "vitest";
import { MAX_DESCRIPTION_LENGTH } from "@/lib/validations/access-token";
import {
  admin,
  api,
  baseUrl,
  bearer,
  createPerson,
  createToken,
  createUserWithToken,
  DAY_SECONDS,
  expectError,
  expectTokenInfo,
  expectUnauthorized,
  getSettings,
  listTokens,
  withSettings,
  type CreatedToken,
  type UserWithToken,
} from "./support/client";
import { storedTokenCount } from "./support/database";

const TOKENS = "/v4/apiAccessTokens";
/** Email and password: longer lifetimes than the user's first token need them (a token's child is bound by it). */
const basic = (user: UserWithToken) => ({ basic: { email: user.email, password: user.password } });

describe("POST /v4/apiAccessTokens", () => {
  let user: UserWithToken;
  beforeAll(async () => {
    user = await createUserWithToken("creator");
  });

  test("a first token with Basic email:password: 201 {tokenValue, tokenInfo}, not cached", async () => {
    const before = Date.now();
    const response = await api<CreatedToken>("POST", TOKENS, {
      auth: { basic: { email: user.email, password: user.password } },
      json: { lifetimeSeconds: 3600, description: "first token" },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(Object.keys(response.body).sort()).toEqual(["tokenInfo", "tokenValue"]);
    const info = expectTokenInfo(response.body.tokenInfo);
    expect(info).toMatchObject({ description: "first token", status: "active", lastUsed: null });
    const createdAt = Date.parse(info.createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(info.expiredAt ?? "")).toBe(createdAt + 3600 * 1000);

    // The new token works, as its owner.
    const me = await api<{ email: string }>("GET", "/v4/people/current", { auth: bearer(response.body) });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
  });

  test("the value has the tsr_ prefix and contains the public tokenId", () => {
    const { tokenValue, tokenInfo } = user.token;
    expect(tokenValue).toMatch(/^tsr_[0-9A-Za-z]{16}_[0-9A-Za-z]{49}$/);
    expect(tokenValue.slice(4, 20)).toBe(tokenInfo.tokenId);
  });

  test("a token creates another token of the same user (Bearer)", async () => {
    const response = await api<CreatedToken>("POST", TOKENS, {
      auth: bearer(user.token),
      json: { lifetimeSeconds: 60 },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const info = expectTokenInfo(response.body.tokenInfo);
    expect(info.tokenId).not.toBe(user.token.tokenInfo.tokenId);
    expect(response.body.tokenValue).not.toBe(user.token.tokenValue);
    const listed = await listTokens(bearer(response.body));
    expect(listed.data.map((t) => t.tokenId)).toEqual(
      expect.arrayContaining([info.tokenId, user.token.tokenInfo.tokenId]),
    );
  });

  test("description is optional and defaults to an empty string", async () => {
    const created = await createToken(bearer(user.token), { lifetimeSeconds: 60 });
    expect(created.tokenInfo.description).toBe("");
    const withText = await createToken(bearer(user.token), { lifetimeSeconds: 60, description: "nightly export" });
    expect(withText.tokenInfo.description).toBe("nightly export");
    const maxLength = "d".repeat(MAX_DESCRIPTION_LENGTH);
    const longest = await createToken(bearer(user.token), { lifetimeSeconds: 60, description: maxLength });
    expect(longest.tokenInfo.description).toBe(maxLength);
  });

  test("a lifetime of exactly the workspace maximum is accepted, one second more names lifetimeSeconds", async () => {
    await withSettings({ maxUserTokenLifetimeDays: 2 }, async () => {
      const ok = await createToken(basic(user), { lifetimeSeconds: 2 * DAY_SECONDS });
      expect(Date.parse(ok.tokenInfo.expiredAt ?? "") - Date.parse(ok.tokenInfo.createdAt)).toBe(
        2 * DAY_SECONDS * 1000,
      );
      const count = await storedTokenCount(user.person.id);
      const tooLong = await api("POST", TOKENS, { auth: basic(user), json: { lifetimeSeconds: 2 * DAY_SECONDS + 1 } });
      expectError(tooLong, 400, "invalid_request", "lifetimeSeconds: must be at most 2 days");
      expect(await storedTokenCount(user.person.id)).toBe(count);
    });
  });

  test("a lifetime over the workspace's maximum is refused", async () => {
    const { maxUserTokenLifetimeDays } = await getSettings();
    expect(maxUserTokenLifetimeDays).toBeGreaterThan(0);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      json: { lifetimeSeconds: maxUserTokenLifetimeDays * DAY_SECONDS + 1 },
    });
    expectError(response, 400, "invalid_request", "lifetimeSeconds");
  });

  test("-1 (non-expiring) is refused while the workspace has a maximum lifetime", async () => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, { auth: bearer(user.token), json: { lifetimeSeconds: -1 } });
    expectError(response, 400, "invalid_request", "lifetimeSeconds");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("-1 makes a non-expiring token where maxUserTokenLifetimeDays is -1", async () => {
    await withSettings({ maxUserTokenLifetimeDays: -1 }, async () => {
      const created = await createToken(basic(user), { lifetimeSeconds: -1, description: "forever" });
      expect(created.tokenInfo).toMatchObject({ expiredAt: null, status: "active", description: "forever" });
      const me = await api("GET", "/v4/people/current", { auth: bearer(created) });
      expect(me.status).toBe(200);
    });
  });
});

describe("POST /v4/apiAccessTokens refuses bad input with a 400 that names the field, and writes nothing", () => {
  let user: UserWithToken;
  beforeAll(async () => {
    user = await createUserWithToken("bad-input");
  });

  const cases: { name: string; json: unknown; names: string }[] = [
    { name: "missing lifetimeSeconds", json: { description: "x" }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds as a string", json: { lifetimeSeconds: "3600" }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds 0", json: { lifetimeSeconds: 0 }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds 1.5", json: { lifetimeSeconds: 1.5 }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds -2", json: { lifetimeSeconds: -2 }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds huge", json: { lifetimeSeconds: 1e15 }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds beyond any safe integer", json: { lifetimeSeconds: 2 ** 60 }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds null", json: { lifetimeSeconds: null }, names: "lifetimeSeconds" },
    { name: "lifetimeSeconds true", json: { lifetimeSeconds: true }, names: "lifetimeSeconds" },
    {
      name: "description of 256 characters",
      json: { lifetimeSeconds: 60, description: "d".repeat(256) },
      names: "description",
    },
    { name: "description as a number", json: { lifetimeSeconds: 60, description: 42 }, names: "description" },
    { name: "description null", json: { lifetimeSeconds: 60, description: null }, names: "description" },
    { name: "description as an object", json: { lifetimeSeconds: 60, description: {} }, names: "description" },
    {
      name: "description with a control character",
      json: { lifetimeSeconds: 60, description: "a\u0000b" },
      names: "description",
    },
    {
      name: "description with a bidi override (shows invoice\u202Egpj.exe as invoiceexe.jpg)",
      json: { lifetimeSeconds: 60, description: "invoice\u202Egpj.exe" },
      names: "description: must not contain invisible or direction-changing characters (U+202E)",
    },
    {
      name: "description with a zero-width space",
      json: { lifetimeSeconds: 60, description: "deploy\u200Bkey" },
      names: "description: must not contain invisible or direction-changing characters (U+200B)",
    },
    {
      name: "description with a line separator",
      json: { lifetimeSeconds: 60, description: "a\u2028b" },
      names: "description: must not contain line or paragraph separators (U+2028)",
    },
    {
      name: "description with a C1 control",
      json: { lifetimeSeconds: 60, description: "a\u009bb" },
      names: "description: must not contain control characters (U+009B)",
    },
    {
      name: "description with a lone surrogate (which SQLite and PostgreSQL store differently)",
      json: { lifetimeSeconds: 60, description: "a\ud800b" },
      names: "description: must not contain unpaired surrogates (U+D800)",
    },
  ];

  test.each(cases)("$name", async ({ json, names }) => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, { auth: bearer(user.token), json });
    expectError(response, 400, "invalid_request", names);
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("a very large number in the JSON text (1e400, which parses to Infinity)", async () => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      body: '{"lifetimeSeconds": 1e400}',
      headers: { "Content-Type": "application/json" },
    });
    expectError(response, 400, "invalid_request", "lifetimeSeconds");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test.each([
    ["an array", "[]"],
    ["an array holding the body", '[{"lifetimeSeconds": 60}]'],
    ["null", "null"],
    ["a number", "3600"],
    ["a string", '"3600"'],
  ])("a body that is not an object: %s", async (_name, body) => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      body,
      headers: { "Content-Type": "application/json" },
    });
    expectError(response, 400, "invalid_request", "body");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test.each([
    ["truncated", '{"lifetimeSeconds": 60'],
    ["a trailing comma", '{"lifetimeSeconds": 60,}'],
    ["single quotes", "{'lifetimeSeconds': 60}"],
    ["empty", ""],
  ])("malformed JSON (%s)", async (_name, body) => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      body,
      headers: { "Content-Type": "application/json" },
    });
    expectError(response, 400, "invalid_request", "JSON");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("a body that is not UTF-8", async () => {
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      headers: { "Content-Type": "application/json" },
    });
    expectError(response, 400, "invalid_request", "UTF-8");
  });

  test.each([
    ["text/plain", { "Content-Type": "text/plain" }],
    ["form-urlencoded", { "Content-Type": "application/x-www-form-urlencoded" }],
    ["no content type", {}],
  ])("a wrong content type (%s) gets 415", async (_name, headers: Record<string, string>) => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      body: new TextEncoder().encode('{"lifetimeSeconds": 60}'),
      headers,
    });
    expectError(response, 415, "unsupported_media_type");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("application/json with a charset is accepted", async () => {
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      body: '{"lifetimeSeconds": 60}',
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    expect(response.status, response.text).toBe(201);
  });

  test("an oversized body gets 413 (with Content-Length)", async () => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      json: { lifetimeSeconds: 60, description: "x".repeat(20_000) },
    });
    expectError(response, 413, "payload_too_large");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("an oversized body gets 413 (streamed, without Content-Length)", async () => {
    const count = await storedTokenCount(user.person.id);
    // 40 KB of JSON in 4 KB chunks, so the server only finds out the size while reading.
    const encoder = new TextEncoder();
    const chunks = [
      encoder.encode('{"lifetimeSeconds": 60'),
      ...Array.from({ length: 10 }, () => encoder.encode(" ".repeat(4096))),
      encoder.encode("}"),
    ];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await fetch(`${baseUrl()}${TOKENS}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${user.token.tokenValue}`, "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-length")).not.toBe("0");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });
});

describe("who may create a token", () => {
  test("a person without permission to generate gets 403 with a message, and nothing is stored", async () => {
    const plain = await createPerson({}, "no-flags");
    const response = await api("POST", TOKENS, {
      auth: { basic: { email: plain.email, password: plain.password } },
      json: { lifetimeSeconds: 60 },
    });
    expectError(response, 403, "forbidden");
    expect(await storedTokenCount(plain.person.id)).toBe(0);
  });

  test("with usersCanGenerateApiAccessTokens on, any person may generate", async () => {
    const plain = await createPerson({}, "all-users");
    await withSettings({ usersCanGenerateApiAccessTokens: true }, async () => {
      const created = await createToken({ basic: { email: plain.email, password: plain.password } });
      expect(created.tokenInfo.status).toBe("active");
    });
  });

  test("Basic with a wrong password gets 401 invalid_credentials and stores nothing", async () => {
    const user = await createPerson({ canGenerateApiAccessTokens: true }, "wrong-password");
    const response = await api("POST", TOKENS, {
      auth: { basic: { email: user.email, password: `${user.password}x` } },
      json: { lifetimeSeconds: 60 },
    });
    expectUnauthorized(response, "invalid_credentials");
    expect(await storedTokenCount(user.person.id)).toBe(0);
  });

  test("Basic with an unknown email gets the same 401 invalid_credentials", async () => {
    const response = await api("POST", TOKENS, {
      auth: { basic: { email: "nobody-here@example.test", password: admin().password } },
      json: { lifetimeSeconds: 60 },
    });
    expectUnauthorized(response, "invalid_credentials");
  });

  test("Basic email:password is refused by every other route, even when correct", async () => {
    const auth = { basic: admin() };
    const routes: [string, string][] = [
      ["GET", "/"],
      ["GET", "/v4"],
      ["GET", TOKENS],
      ["GET", `${TOKENS}/0123456789abcdef`],
      ["DELETE", `${TOKENS}/0123456789abcdef`],
      ["GET", "/v4/people/current"],
      ["PUT", "/v4/people/current/password"],
      ["GET", "/v4/people"],
      ["POST", "/v4/people"],
      ["PATCH", "/v4/people/someone"],
      ["GET", "/v4/workspaces/current/settings"],
      ["PATCH", "/v4/workspaces/current/settings"],
    ];
    for (const [method, path] of routes) {
      const json = ["GET", "DELETE"].includes(method) ? undefined : {};
      const response = await api(method, path, { auth, json });
      expect(response.status, `${method} ${path}`).toBe(401);
      expectUnauthorized(response, "invalid_credentials");
    }
  });
});
