// GET /v4/auth/verify (for reverse proxies) and POST /v4/auth/introspect (RFC 7662, for OAuth gateways):
// every rule of the API, on the same request, and nothing more said of a refused token than the API says.
import { describe, expect, test } from "vitest";
import {
  adminSession,
  adminToken,
  api,
  baseUrl,
  bearer,
  createUserWithToken,
  DAY_SECONDS,
  expectError,
  expectUnauthorized,
  sleep,
  uniqueAddress,
  updatePerson,
  withSettings,
  type Auth,
} from "./support/client";
import { query, timestampParam } from "./support/database";

const VERIFY = "/v4/auth/verify";
const INTROSPECT = "/v4/auth/introspect";

describe("GET /v4/auth/verify", () => {
  test("a valid token: 200 with the owner in headers and body", async () => {
    const user = await createUserWithToken("verify-ok");
    const response = await api<Record<string, unknown>>("GET", VERIFY, { auth: bearer(user.token) });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-tessera-user-id")).toBe(user.person.id);
    expect(response.headers.get("x-tessera-user-email")).toBe(user.person.email);
    expect(response.headers.get("x-tessera-token-id")).toBe(user.token.tokenInfo.tokenId);
    expect(response.headers.get("tessera-token-expires")).toBe(user.token.tokenInfo.expiredAt);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toEqual({
      personId: user.person.id,
      email: user.person.email,
      tokenId: user.token.tokenInfo.tokenId,
      expiresAt: user.token.tokenInfo.expiredAt,
      scopes: ["api"],
    });
    expect(response.headers.get("x-tessera-scopes")).toBe("api");
  });

  test.each(["POST", "PUT", "PATCH", "DELETE"])(
    "%s answers as GET does for a read-write token (nginx keeps the client's method)",
    async (method) => {
      const user = await createUserWithToken("verify-method");
      const response = await api(method, VERIFY, { auth: bearer(user.token) });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-tessera-user-id")).toBe(user.person.id);
    },
  );

  test("HEAD answers with the same status and headers, without a body", async () => {
    const user = await createUserWithToken("verify-head");
    const response = await fetch(`${baseUrl()}${VERIFY}`, {
      method: "HEAD",
      headers: { Authorization: `Bearer ${user.token.tokenValue}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-tessera-user-id")).toBe(user.person.id);
    expect(await response.text()).toBe("");
  });

  test("no Authorization: 401 missing_credentials, with WWW-Authenticate and the code in Tessera-Error", async () => {
    const response = await api("GET", VERIFY);
    expectUnauthorized(response, "missing_credentials");
    expect(response.headers.get("tessera-error")).toBe("missing_credentials");
  });

  test("Basic, or a session cookie alone: 401 (this check is for tokens)", async () => {
    const user = await createUserWithToken("verify-basic");
    const basic = await api("GET", VERIFY, { auth: { basic: { email: user.email, password: user.password } } });
    expectUnauthorized(basic, "missing_credentials");
    const session = await api("GET", VERIFY, { auth: await adminSession() });
    expectUnauthorized(session, "missing_credentials");
  });

  test("a deleted token: 401 invalid_token on the very next check", async () => {
    const user = await createUserWithToken("verify-deleted");
    expect((await api("GET", VERIFY, { auth: bearer(user.token) })).status).toBe(200);
    await api("DELETE", `/v4/apiAccessTokens/${user.token.tokenInfo.tokenId}`, { auth: bearer(user.token) });
    const response = await api("GET", VERIFY, { auth: bearer(user.token) });
    expectUnauthorized(response, "invalid_token");
    expect(response.headers.get("tessera-error")).toBe("invalid_token");
  });

  test("an expired token: 401 token_expired", async () => {
    const user = await createUserWithToken("verify-expired", 1);
    await sleep(1100);
    expectUnauthorized(await api("GET", VERIFY, { auth: bearer(user.token) }), "token_expired");
  });

  test("a disabled owner's token: 401 token_blocked; enabling them restores it", async () => {
    const user = await createUserWithToken("verify-disabled");
    await updatePerson(user.person.id, { isDisabled: true });
    try {
      expectUnauthorized(await api("GET", VERIFY, { auth: bearer(user.token) }), "token_blocked");
    } finally {
      await updatePerson(user.person.id, { isDisabled: false });
    }
    expect((await api("GET", VERIFY, { auth: bearer(user.token) })).status).toBe(200);
  });

  test("a token past the workspace maximum: 401 token_blocked", async () => {
    const user = await createUserWithToken("verify-maximum", 30 * DAY_SECONDS);
    const old = new Date(Date.now() - 10 * DAY_SECONDS * 1000);
    await query('UPDATE "AccessToken" SET "createdAt" = ? WHERE "id" = ?', [
      timestampParam(old),
      user.token.tokenInfo.tokenId,
    ]);
    await withSettings({ maxUserTokenLifetimeDays: 5 }, async () => {
      expectUnauthorized(await api("GET", VERIFY, { auth: bearer(user.token) }), "token_blocked");
    });
  });

  test("invalid tokens from one address are throttled: 429 with Retry-After; that address's valid token still works", async () => {
    const address = uniqueAddress();
    const user = await createUserWithToken("verify-throttle");
    const wrong = `tsr_${"Z".repeat(16)}_${"y".repeat(49)}`;
    let last = await api("GET", VERIFY, { auth: { bearer: wrong }, headers: { "X-Forwarded-For": address } });
    for (let i = 0; i < 200 && last.status === 401; i++) {
      last = await api("GET", VERIFY, { auth: { bearer: wrong }, headers: { "X-Forwarded-For": address } });
    }
    expectError(last, 429, "too_many_attempts");
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.headers.get("tessera-error")).toBe("too_many_attempts");
    const valid = await api("GET", VERIFY, { auth: bearer(user.token), headers: { "X-Forwarded-For": address } });
    expect(valid.status).toBe(200);
  });

  test("the forwarded request is recorded with the token's first use, from the client's address", async () => {
    const user = await createUserWithToken("verify-audit");
    const address = uniqueAddress();
    const response = await api("GET", VERIFY, {
      auth: bearer(user.token),
      headers: {
        "X-Forwarded-For": address,
        "X-Forwarded-Method": "delete",
        "X-Forwarded-Uri": "/orders/7?force=1",
        "X-Forwarded-Host": "api.example.com",
      },
    });
    expect(response.status).toBe(200);
    const events = await api<{ data: Array<Record<string, unknown>> }>(
      "GET",
      `/v4/auditEvents?tokenId=${user.token.tokenInfo.tokenId}&type=token.first_used`,
      { auth: bearer(await adminToken()) },
    );
    expect(events.body.data).toMatchObject([
      {
        clientAddress: address,
        details: { request: { method: "DELETE", uri: "/orders/7?force=1", host: "api.example.com" } },
      },
    ]);
  });
});

function introspect(token: string, auth: Auth | undefined, headers: Record<string, string> = {}) {
  return api<Record<string, unknown>>("POST", INTROSPECT, {
    auth,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
  });
}

describe("POST /v4/auth/introspect (RFC 7662)", () => {
  test("an active token: whose it is and until when", async () => {
    const user = await createUserWithToken("introspect-ok");
    const response = await introspect(user.token.tokenValue, bearer(await adminToken()));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      active: true,
      sub: user.person.id,
      username: user.person.email,
      token_type: "Bearer",
      exp: Math.floor(Date.parse(String(user.token.tokenInfo.expiredAt)) / 1000),
      iat: Math.floor(Date.parse(user.token.tokenInfo.createdAt) / 1000),
      client_id: user.token.tokenInfo.tokenId,
      scope: "api",
    });
  });

  test("deleted, expired, blocked, unknown and malformed are all just {active: false}", async () => {
    const gateway = bearer(await adminToken());
    const deleted = await createUserWithToken("introspect-deleted");
    await api("DELETE", `/v4/apiAccessTokens/${deleted.token.tokenInfo.tokenId}`, { auth: bearer(deleted.token) });
    const expired = await createUserWithToken("introspect-expired", 1);
    const blocked = await createUserWithToken("introspect-blocked");
    await updatePerson(blocked.person.id, { isDisabled: true });
    await sleep(1100);
    try {
      for (const value of [
        deleted.token.tokenValue,
        expired.token.tokenValue,
        blocked.token.tokenValue,
        `tsr_${"Q".repeat(16)}_${"w".repeat(49)}`,
        "not a token",
      ]) {
        const response = await introspect(value, gateway, { "X-Forwarded-For": uniqueAddress() });
        expect(response.status, value).toBe(200);
        expect(response.body, value).toEqual({ active: false });
      }
    } finally {
      await updatePerson(blocked.person.id, { isDisabled: false });
    }
  });

  test("the caller: none or a bad token 401, a member's token 403, a session 401", async () => {
    const user = await createUserWithToken("introspect-member");
    expectUnauthorized(await introspect(user.token.tokenValue, undefined), "missing_credentials");
    expectUnauthorized(await introspect(user.token.tokenValue, { bearer: "tsr_nope" }), "invalid_token");
    expectError(await introspect(user.token.tokenValue, bearer(user.token)), 403, "forbidden");
  });

  test("values that are not tokens count against the caller's address: 429 after the limit", async () => {
    const gateway = bearer(await adminToken());
    const address = uniqueAddress();
    let last = await introspect(`tsr_${"R".repeat(16)}_${"v".repeat(49)}`, gateway, { "X-Forwarded-For": address });
    for (let i = 0; i < 200 && last.status === 200; i++) {
      last = await introspect(`tsr_${"R".repeat(16)}_${"v".repeat(49)}`, gateway, { "X-Forwarded-For": address });
    }
    expectError(last, 429, "too_many_attempts");
  });

  test("the body: form-encoded only (415), token required (400), a repeated token 400", async () => {
    const gateway = bearer(await adminToken());
    const asJson = await api("POST", INTROSPECT, { auth: gateway, json: { token: "x" } });
    expectError(asJson, 415, "unsupported_media_type");
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    expectError(
      await api("POST", INTROSPECT, { auth: gateway, headers: form, body: "" }),
      400,
      "invalid_request",
      "token",
    );
    const twice = await api("POST", INTROSPECT, { auth: gateway, headers: form, body: "token=a&token=b" });
    expectError(twice, 400, "invalid_request");
  });

  test("GET is 405", async () => {
    const response = await api("GET", INTROSPECT, { auth: bearer(await adminToken()) });
    expectError(response, 405, "method_not_allowed");
  });
});
