import { beforeAll, describe, expect, test } from "vitest";
import { checksumOf, generateToken, randomBase62 } from "@/lib/tokens/format";
import {
  adminToken,
  api,
  bearer,
  createToken,
  createUserWithToken,
  DAY_SECONDS,
  expectTokenInfo,
  expectUnauthorized,
  listTokens,
  patchSettings,
  sleep,
  updatePerson,
  withSettings,
  type List,
  type TokenInfo,
  type UserWithToken,
} from "./support/client";
import { query, timestampParam } from "./support/database";

const ME = "/v4/people/current";

/** The token's status as a workspace admin sees it. */
async function statusOf(tokenId: string): Promise<string> {
  const response = await api<TokenInfo>("GET", `/v4/apiAccessTokens/${tokenId}`, { auth: bearer(await adminToken()) });
  expect(response.status, response.text).toBe(200);
  return response.body.status;
}

/** A copy of the token with one character of its secret part changed, so that the checksum no longer matches. */
function flipSecretChar(tokenValue: string): string {
  const i = 30;
  const replacement = tokenValue[i] === "A" ? "B" : "A";
  return tokenValue.slice(0, i) + replacement + tokenValue.slice(i + 1);
}

describe("401 without usable credentials", () => {
  test("no Authorization header: missing_credentials on every API route", async () => {
    const routes: [string, string][] = [
      ["GET", "/v4"],
      ["GET", "/v4/apiAccessTokens"],
      ["POST", "/v4/apiAccessTokens"],
      ["GET", "/v4/apiAccessTokens/0123456789abcdef"],
      ["DELETE", "/v4/apiAccessTokens/0123456789abcdef"],
      ["GET", ME],
      ["PUT", `${ME}/password`],
      ["GET", "/v4/people"],
      ["POST", "/v4/people"],
      ["GET", "/v4/people/someone"],
      ["PATCH", "/v4/people/someone"],
      ["GET", "/v4/workspaces/current/settings"],
      ["PATCH", "/v4/workspaces/current/settings"],
    ];
    for (const [method, path] of routes) {
      const json = ["GET", "DELETE"].includes(method) ? undefined : { lifetimeSeconds: 60 };
      const response = await api(method, path, { json });
      expect(response.status, `${method} ${path}`).toBe(401);
      expectUnauthorized(response, "missing_credentials");
    }
  });

  test.each([
    ["an empty Bearer", "Bearer"],
    ["a random word", "Bearer hello"],
    ["an unsupported scheme", "Token tsr_abc"],
    ["two values", "Bearer a b"],
    ["a Basic value that is not base64", "Basic !!!"],
  ])("a malformed Authorization header (%s): invalid_token", async (_name, authorization) => {
    expectUnauthorized(await api("GET", ME, { auth: { authorization } }), "invalid_token");
  });

  describe("with a real token at hand", () => {
    let user: UserWithToken;
    beforeAll(async () => {
      user = await createUserWithToken("auth");
    });

    test("the token itself works (the control for the cases below)", async () => {
      const response = await api<{ id: string }>("GET", ME, { auth: bearer(user.token) });
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(user.person.id);
    });

    test("malformed values: invalid_token", async () => {
      const value = user.token.tokenValue;
      const malformed = [
        value.slice(0, -1),
        `${value}x`,
        value.replace(/^tsr_/, "TSR_"),
        value.replace(/^tsr_/, ""),
        value.toLowerCase(),
        user.token.tokenInfo.tokenId,
        `${value.slice(0, 20)}-${value.slice(21)}`,
        "x".repeat(5000),
      ];
      for (const token of malformed) {
        expectUnauthorized(await api("GET", ME, { auth: bearer(token) }), "invalid_token");
      }
    });

    test("one character changed (bad checksum): invalid_token", async () => {
      const flipped = flipSecretChar(user.token.tokenValue);
      expect(flipped).not.toBe(user.token.tokenValue);
      expectUnauthorized(await api("GET", ME, { auth: bearer(flipped) }), "invalid_token");
      const lastChar = user.token.tokenValue.slice(-1) === "0" ? "1" : "0";
      const badChecksum = user.token.tokenValue.slice(0, -1) + lastChar;
      expectUnauthorized(await api("GET", ME, { auth: bearer(badChecksum) }), "invalid_token");
    });

    test("a well-formed token with a valid checksum but an unknown id: invalid_token", async () => {
      const { tokenValue } = generateToken();
      expectUnauthorized(await api("GET", ME, { auth: bearer(tokenValue) }), "invalid_token");
    });

    test("a well-formed token with a real id but another secret: invalid_token", async () => {
      const body = `tsr_${user.token.tokenInfo.tokenId}_${randomBase62(43)}`;
      const forged = body + checksumOf(body);
      expect(forged).not.toBe(user.token.tokenValue);
      expectUnauthorized(await api("GET", ME, { auth: bearer(forged) }), "invalid_token");
    });

    test("the scheme name is case-insensitive", async () => {
      const response = await api("GET", ME, { auth: { authorization: `bearer ${user.token.tokenValue}` } });
      expect(response.status).toBe(200);
    });
  });

  test("a deleted token: invalid_token", async () => {
    const user = await createUserWithToken("deleted");
    const doomed = await createToken(bearer(user.token), { lifetimeSeconds: 600 });
    expect((await api("GET", ME, { auth: bearer(doomed) })).status).toBe(200);
    const deleted = await api("DELETE", `/v4/apiAccessTokens/${doomed.tokenInfo.tokenId}`, {
      auth: bearer(user.token),
    });
    expect(deleted.status).toBe(204);
    expectUnauthorized(await api("GET", ME, { auth: bearer(doomed) }), "invalid_token");
  });

  test("an expired token: token_expired, shown as expired in the owner's list; Basic gets a new one", async () => {
    const user = await createUserWithToken("expiring");
    const shortLived = await createToken(bearer(user.token), { lifetimeSeconds: 2 });
    expect((await api("GET", ME, { auth: bearer(shortLived) })).status).toBe(200);
    const expiresAt = Date.parse(shortLived.tokenInfo.expiredAt ?? "");
    await sleep(Math.max(0, expiresAt - Date.now()) + 300);

    expectUnauthorized(await api("GET", ME, { auth: bearer(shortLived) }), "token_expired");
    expectUnauthorized(
      await api("POST", "/v4/apiAccessTokens", { auth: bearer(shortLived), json: { lifetimeSeconds: 60 } }),
      "token_expired",
    );

    const listed = await listTokens(bearer(user.token));
    const info = listed.data.find((t) => t.tokenId === shortLived.tokenInfo.tokenId);
    expect(info).toMatchObject({ status: "expired", expiredAt: shortLived.tokenInfo.expiredAt });
    expect(listed.data.find((t) => t.tokenId === user.token.tokenInfo.tokenId)?.status).toBe("active");

    const renewed = await createToken({ basic: { email: user.email, password: user.password } });
    expect(renewed.tokenInfo.status).toBe("active");
  });
});

describe("blocked tokens: refused under the current policy, and restored when it allows them again", () => {
  let user: UserWithToken;
  beforeAll(async () => {
    user = await createUserWithToken("blocked");
  });

  async function expectWorks(): Promise<void> {
    const response = await api("GET", ME, { auth: bearer(user.token) });
    expect(response.status, response.text).toBe(200);
  }

  test("API access tokens turned off for the workspace: token_blocked, for admins too", async () => {
    await expectWorks();
    const admin = await adminToken();
    await withSettings({ apiAccessTokensEnabled: false }, async () => {
      expectUnauthorized(await api("GET", ME, { auth: bearer(user.token) }), "token_blocked");
      expectUnauthorized(await api("GET", ME, { auth: bearer(admin) }), "token_blocked");
      expectUnauthorized(await api("GET", "/", { auth: bearer(user.token) }), "token_blocked");
    });
    await expectWorks();
    expect(await statusOf(user.token.tokenInfo.tokenId)).toBe("active");
  });

  test("individual access removed: token_blocked; given back: works again", async () => {
    await updatePerson(user.person.id, { canGenerateApiAccessTokens: false });
    try {
      expectUnauthorized(await api("GET", ME, { auth: bearer(user.token) }), "token_blocked");
      expect(await statusOf(user.token.tokenInfo.tokenId)).toBe("blocked");
    } finally {
      await updatePerson(user.person.id, { canGenerateApiAccessTokens: true });
    }
    await expectWorks();
    expect(await statusOf(user.token.tokenInfo.tokenId)).toBe("active");
  });

  test("owner disabled: token_blocked; enabled again: works again", async () => {
    await updatePerson(user.person.id, { isDisabled: true });
    try {
      expectUnauthorized(await api("GET", ME, { auth: bearer(user.token) }), "token_blocked");
      expect(await statusOf(user.token.tokenInfo.tokenId)).toBe("blocked");
    } finally {
      await updatePerson(user.person.id, { isDisabled: false });
    }
    await expectWorks();
  });

  test("a token older than a lowered maximum lifetime is blocked, not deleted; raising it restores it", async () => {
    const basic = { basic: { email: user.email, password: user.password } };
    const old = await createToken(basic, { lifetimeSeconds: 30 * DAY_SECONDS, description: "old" });
    const tenDaysAgo = new Date(Date.now() - 10 * DAY_SECONDS * 1000);
    await query('UPDATE "AccessToken" SET "createdAt" = ? WHERE "id" = ?', [
      timestampParam(tenDaysAgo),
      old.tokenInfo.tokenId,
    ]);
    const [row] = await query<{ id: string }>('SELECT "id" FROM "AccessToken" WHERE "id" = ? AND "createdAt" < ?', [
      old.tokenInfo.tokenId,
      timestampParam(new Date(Date.now() - 9 * DAY_SECONDS * 1000)),
    ]);
    expect(row?.id).toBe(old.tokenInfo.tokenId);
    expect((await api("GET", ME, { auth: bearer(old) })).status).toBe(200);

    await withSettings({ maxUserTokenLifetimeDays: 5 }, async () => {
      expectUnauthorized(await api("GET", ME, { auth: bearer(old) }), "token_blocked");
      // The owner's fresh token still works and lists the old one as blocked, not gone.
      const listed = await listTokens(bearer(user.token));
      expect(listed.data.find((t) => t.tokenId === old.tokenInfo.tokenId)?.status).toBe("blocked");
      expect(listed.data.find((t) => t.tokenId === user.token.tokenInfo.tokenId)?.status).toBe("active");

      await patchSettings({ maxUserTokenLifetimeDays: 365 });
      expect((await api("GET", ME, { auth: bearer(old) })).status).toBe(200);
      expect(await statusOf(old.tokenInfo.tokenId)).toBe("active");
    });
  });
});

describe("GET / (the seed's curl example)", () => {
  test("with a Bearer token: the list of REST endpoints", async () => {
    const user = await createUserWithToken("root");
    const response = await api<List<{ method: string; path: string; description: string }>>("GET", "/", {
      auth: bearer(user.token),
    });
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const { data, count } = response.body;
    expect(count).toBe(data.length);
    for (const endpoint of data) {
      expect(Object.keys(endpoint).sort()).toEqual(["description", "method", "path"]);
      expect(endpoint.method).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
      expect(endpoint.path).toMatch(/^\//);
      expect(endpoint.description.length).toBeGreaterThan(0);
    }
    const listed = data.map((e) => `${e.method} ${e.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        "POST /v4/apiAccessTokens",
        "GET /v4/apiAccessTokens",
        "GET /v4/people/current",
        "PUT /v4/people/current/password",
        "PATCH /v4/workspaces/current/settings",
      ]),
    );
    expect(listed.some((e) => /^GET \/v4\/apiAccessTokens\/[:{]tokenId/.test(e))).toBe(true);
    expect(listed.some((e) => /^DELETE \/v4\/apiAccessTokens\/[:{]tokenId/.test(e))).toBe(true);
  });

  test("with a bad token: a JSON 401, not the web app", async () => {
    expectUnauthorized(await api("GET", "/", { auth: bearer(generateToken().tokenValue) }), "invalid_token");
  });

  test("without an Authorization header: the web app, not the endpoint list", async () => {
    const response = await api("GET", "/");
    expect(response.headers.get("content-type") ?? "").not.toMatch(/json/);
    expect(response.text).not.toContain("/v4/apiAccessTokens");
    if (response.status >= 300 && response.status < 400) {
      expect(response.headers.get("location")).toMatch(/\/login/);
    } else {
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    }
  });
});

test("a listed TokenInfo never carries the token value or its secret", async () => {
  const user = await createUserWithToken("info-only");
  const info = expectTokenInfo((await listTokens(bearer(user.token))).data[0]);
  for (const value of Object.values(info)) {
    if (typeof value !== "string") continue;
    expect(value).not.toContain(user.token.tokenValue);
    expect(value).not.toContain(user.token.tokenValue.slice(21, 21 + 43));
  }
});
