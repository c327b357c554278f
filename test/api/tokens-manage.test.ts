import { beforeAll, describe, expect, test } from "vitest";
import {
  adminToken,
  api,
  bearer,
  createToken,
  createUserWithToken,
  expectError,
  expectTokenInfo,
  expectUnauthorized,
  listTokens,
  sleep,
  type TokenInfo,
  type UserWithToken,
} from "./support/client";
import { storedTokenCount } from "./support/database";

const TOKENS = "/v4/apiAccessTokens";
const ME = "/v4/people/current";

describe("GET /v4/apiAccessTokens", () => {
  let user: UserWithToken;
  const created: string[] = [];
  beforeAll(async () => {
    user = await createUserWithToken("lister");
    created.push(user.token.tokenInfo.tokenId);
    for (let i = 0; i < 28; i++) {
      // A few milliseconds apart, so that "newest first" has one right answer.
      await sleep(3);
      const token = await createToken(bearer(user.token), { lifetimeSeconds: 600, description: `token ${i}` });
      created.push(token.tokenInfo.tokenId);
    }
  });

  test("lists only the caller's own tokens, newest first, with the total count", async () => {
    const other = await createUserWithToken("other-lister");
    const response = await api<{ data: TokenInfo[]; count: number }>("GET", `${TOKENS}?limit=100`, {
      auth: bearer(user.token),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(Object.keys(response.body).sort()).toEqual(["count", "data"]);
    const { data, count } = response.body;
    expect(count).toBe(29);
    data.forEach(expectTokenInfo);
    expect(data.map((t) => t.tokenId)).toEqual([...created].reverse());
    expect(data.map((t) => t.tokenId)).not.toContain(other.token.tokenInfo.tokenId);
    const otherList = await listTokens(bearer(other.token));
    expect(otherList).toMatchObject({ count: 1, data: [{ tokenId: other.token.tokenInfo.tokenId }] });
  });

  test("pages with limit (default 25, max 100) and offset; count stays the total", async () => {
    const all = (await listTokens(bearer(user.token), "?limit=100")).data.map((t) => t.tokenId);
    const firstPage = await listTokens(bearer(user.token));
    expect(firstPage.count).toBe(29);
    expect(firstPage.data.map((t) => t.tokenId)).toEqual(all.slice(0, 25));

    const middle = await listTokens(bearer(user.token), "?limit=10&offset=10");
    expect(middle.count).toBe(29);
    expect(middle.data.map((t) => t.tokenId)).toEqual(all.slice(10, 20));

    const tail = await listTokens(bearer(user.token), "?offset=25");
    expect(tail.data.map((t) => t.tokenId)).toEqual(all.slice(25));

    const beyond = await listTokens(bearer(user.token), "?offset=1000");
    expect(beyond).toEqual({ data: [], count: 29 });
  });

  test.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=-1", "limit"],
    ["limit=1.5", "limit"],
    ["limit=", "limit"],
    ["offset=-1", "offset"],
    ["offset=abc", "offset"],
  ])("?%s is a 400 that names %s", async (query, field) => {
    expectError(await api("GET", `${TOKENS}?${query}`, { auth: bearer(user.token) }), 400, "invalid_request", field);
  });
});

describe("GET and DELETE /v4/apiAccessTokens/:tokenId", () => {
  let owner: UserWithToken;
  let stranger: UserWithToken;
  beforeAll(async () => {
    owner = await createUserWithToken("owner");
    stranger = await createUserWithToken("stranger");
  });

  test("the owner gets the TokenInfo, the same as in the list", async () => {
    const token = await createToken(bearer(owner.token), { lifetimeSeconds: 600, description: "one" });
    const response = await api<TokenInfo>("GET", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth: bearer(owner.token) });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expectTokenInfo(response.body);
    expect(response.body).toEqual(token.tokenInfo);
    const listed = (await listTokens(bearer(owner.token))).data.find((t) => t.tokenId === token.tokenInfo.tokenId);
    expect(listed).toEqual(response.body);
  });

  test("another user's token is 404 for GET and DELETE (never 403), and stays untouched", async () => {
    const id = owner.token.tokenInfo.tokenId;
    const asStranger = bearer(stranger.token);
    const get = expectError(await api("GET", `${TOKENS}/${id}`, { auth: asStranger }), 404, "not_found");
    const unknown = expectError(await api("GET", `${TOKENS}/0000000000000000`, { auth: asStranger }), 404, "not_found");
    expect(get).toEqual(unknown);
    expectError(await api("DELETE", `${TOKENS}/${id}`, { auth: asStranger }), 404, "not_found");
    expect((await api("GET", ME, { auth: bearer(owner.token) })).status).toBe(200);
    expect((await api("GET", `${TOKENS}/${id}`, { auth: bearer(owner.token) })).status).toBe(200);
  });

  test("a workspace admin can GET and DELETE anyone's token", async () => {
    const token = await createToken(bearer(owner.token), { lifetimeSeconds: 600, description: "admin sees" });
    const auth = bearer(await adminToken());
    const got = await api<TokenInfo>("GET", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ tokenId: token.tokenInfo.tokenId, description: "admin sees" });
    const deleted = await api("DELETE", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth });
    expect(deleted.status).toBe(204);
    expectUnauthorized(await api("GET", ME, { auth: bearer(token) }), "invalid_token");
    // The admin's own list holds only the admin's tokens.
    const adminList = await listTokens(auth, "?limit=100");
    expect(adminList.data.map((t) => t.tokenId)).not.toContain(owner.token.tokenInfo.tokenId);
  });

  test("DELETE: 204 with no body; refused on the very next request; then 404", async () => {
    const token = await createToken(bearer(owner.token), { lifetimeSeconds: 600 });
    expect((await api("GET", ME, { auth: bearer(token) })).status).toBe(200);
    const count = await storedTokenCount(owner.person.id);
    const response = await api("DELETE", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth: bearer(owner.token) });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expectUnauthorized(await api("GET", ME, { auth: bearer(token) }), "invalid_token");
    expect(await storedTokenCount(owner.person.id)).toBe(count - 1);
    expectError(
      await api("GET", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth: bearer(owner.token) }),
      404,
      "not_found",
    );
    expectError(
      await api("DELETE", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth: bearer(owner.token) }),
      404,
      "not_found",
    );
  });

  test("a token deleting itself: 204, then 401 on its next request", async () => {
    const token = await createToken(bearer(owner.token), { lifetimeSeconds: 600 });
    const response = await api("DELETE", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth: bearer(token) });
    expect(response.status).toBe(204);
    expectUnauthorized(await api("GET", TOKENS, { auth: bearer(token) }), "invalid_token");
    expect((await api("GET", ME, { auth: bearer(owner.token) })).status).toBe(200);
  });

  test.each(["PUT", "PATCH", "POST"])(
    "%s on a token: 405 JSON with Allow, and the token is unchanged",
    async (method) => {
      const token = await createToken(bearer(owner.token), { lifetimeSeconds: 600, description: "immutable" });
      const response = await api(method, `${TOKENS}/${token.tokenInfo.tokenId}`, {
        auth: bearer(owner.token),
        json: { lifetimeSeconds: 999_999, description: "changed" },
      });
      expectError(response, 405, "method_not_allowed");
      const allow = (response.headers.get("allow") ?? "").split(",").map((m) => m.trim());
      expect(allow).toEqual(expect.arrayContaining(["GET", "DELETE"]));
      expect(allow).not.toContain(method);
      const after = await api<TokenInfo>("GET", `${TOKENS}/${token.tokenInfo.tokenId}`, { auth: bearer(owner.token) });
      expect(after.body).toMatchObject({ description: "immutable", expiredAt: token.tokenInfo.expiredAt });
    },
  );

  test.each([
    ["very long", "a".repeat(3000)],
    ["unicode", encodeURIComponent("✓ñ字🙂")],
    ["dot-dot with an encoded slash", "..%2F..%2Fpeople%2Fcurrent"],
    ["dots inside", "a..b"],
    ["encoded slash", "0123456789abcdef%2F"],
    ["the token value itself", "TOKEN_VALUE"],
    ["the id in another case", "ID_SWAPCASE"],
    ["sql", encodeURIComponent("' OR '1'='1")],
    ["null byte", "%00"],
  ])("an absurd id (%s): 404 JSON for GET and DELETE", async (_name, raw) => {
    const tokenValue = owner.token.tokenValue;
    const id = owner.token.tokenInfo.tokenId;
    const swapped = [...id].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
    const path = `${TOKENS}/${raw.replace("TOKEN_VALUE", tokenValue).replace("ID_SWAPCASE", swapped)}`;
    for (const method of ["GET", "DELETE"]) {
      expectError(await api(method, path, { auth: bearer(owner.token) }), 404, "not_found");
    }
    expect((await api("GET", ME, { auth: bearer(owner.token) })).status).toBe(200);
  });

  test("lastUsed is null before the first use and set after a use", async () => {
    const token = await createToken(bearer(owner.token), { lifetimeSeconds: 600 });
    expect(token.tokenInfo.lastUsed).toBeNull();
    const path = `${TOKENS}/${token.tokenInfo.tokenId}`;
    const before = await api<TokenInfo>("GET", path, { auth: bearer(owner.token) });
    expect(before.body.lastUsed).toBeNull();

    const usedFrom = Date.now();
    expect((await api("GET", ME, { auth: bearer(token) })).status).toBe(200);
    // The first use is written at once, but after the response: allow it a moment.
    let lastUsed: string | null = null;
    for (let i = 0; i < 20 && lastUsed === null; i++) {
      lastUsed = (await api<TokenInfo>("GET", path, { auth: bearer(owner.token) })).body.lastUsed;
      if (lastUsed === null) await sleep(100);
    }
    expect(lastUsed).not.toBeNull();
    expect(Date.parse(lastUsed ?? "")).toBeGreaterThanOrEqual(usedFrom - 1000);
    expect(Date.parse(lastUsed ?? "")).toBeLessThanOrEqual(Date.now() + 1000);
  });
});
