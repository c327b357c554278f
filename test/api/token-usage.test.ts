// What each token does: GET /v4/apiAccessTokens/:tokenId/usage counts what the token authenticated and what was
// refused for it, per UTC day, and where it was used from; the workspace's inventory lists every token with
// its 30-day use, filtered as an admin reviewing tokens asks.
import { beforeAll, describe, expect, test } from "vitest";
import {
  adminToken,
  api,
  bearer,
  createToken,
  createUserWithToken,
  DAY_SECONDS,
  expectError,
  updatePerson,
  withSettings,
  type CreatedToken,
  type List,
  type UserWithToken,
} from "./support/client";
import { query, timestampParam } from "./support/database";

type Usage = {
  tokenId: string;
  days: number;
  from: string;
  to: string;
  totals: { accepted: number; refused: number };
  daily: Array<{ day: string; accepted: number; refused: number }>;
  clients: Array<{ address: string; userAgent: string; firstSeen: string; lastSeen: string; count: number }>;
};
type InventoryToken = { tokenId: string; status: string; owner: { id: string; email: string }; uses30d: number };

const today = () => new Date().toISOString().slice(0, 10);
const usageOf = (token: CreatedToken | string, reader: CreatedToken | string, query = "") =>
  api<Usage>(
    "GET",
    `/v4/apiAccessTokens/${typeof token === "string" ? token : token.tokenInfo.tokenId}/usage${query}`,
    {
      auth: bearer(reader),
    },
  );

/** The token's owner, a token to use, and a second token of theirs to read its usage with (reads count too). */
async function ownerWithTwoTokens(label: string): Promise<UserWithToken & { reader: CreatedToken }> {
  const user = await createUserWithToken(label);
  const basic = { basic: { email: user.email, password: user.password } };
  return { ...user, reader: await createToken(basic, { lifetimeSeconds: 3600 }) };
}

describe("GET /v4/apiAccessTokens/:tokenId/usage", () => {
  test("counts the requests a token authenticated today, and where from: address and user agent", async () => {
    const user = await ownerWithTwoTokens("usage-count");
    const use = (address: string, agent: string) =>
      api("GET", "/v4/people/current", {
        auth: bearer(user.token),
        headers: { "X-Forwarded-For": address, "User-Agent": agent },
      });
    for (let i = 0; i < 5; i++) expect((await use("198.51.100.20", "nightly-export/1.0")).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await use("198.51.100.21", "curl/8.5")).status).toBe(200);
    // Through a proxy's check too.
    expect(
      (
        await api("GET", "/v4/auth/verify", {
          auth: bearer(user.token),
          headers: { "X-Forwarded-For": "198.51.100.21", "User-Agent": "curl/8.5" },
        })
      ).status,
    ).toBe(200);

    const usage = await usageOf(user.token, user.reader);
    expect(usage.status, usage.text).toBe(200);
    expect(usage.body.totals).toEqual({ accepted: 8, refused: 0 });
    expect(usage.body.days).toBe(90);
    expect(usage.body.daily).toHaveLength(90);
    expect(usage.body.to).toBe(today());
    expect(usage.body.daily.at(-1)).toEqual({ day: today(), accepted: 8, refused: 0 });
    expect(usage.body.daily.slice(0, -1).every((day) => day.accepted === 0 && day.refused === 0)).toBe(true);
    expect(
      usage.body.clients
        .map(({ address, userAgent, count }) => ({ address, userAgent, count }))
        .sort((a, b) => b.count - a.count),
    ).toEqual([
      { address: "198.51.100.20", userAgent: "nightly-export/1.0", count: 5 },
      { address: "198.51.100.21", userAgent: "curl/8.5", count: 3 },
    ]);
    for (const client of usage.body.clients)
      expect(Date.parse(client.lastSeen)).toBeGreaterThanOrEqual(Date.parse(client.firstSeen));
  });

  test("counts the requests refused for the token: expired, blocked by policy, beyond its scopes", async () => {
    const user = await ownerWithTwoTokens("usage-refused");
    const readOnly = await api<CreatedToken>("POST", "/v4/apiAccessTokens", {
      auth: bearer(user.token),
      json: { lifetimeSeconds: 3600, scopes: ["read_api"] },
    });
    expectError(
      await api("DELETE", `/v4/apiAccessTokens/${user.token.tokenInfo.tokenId}`, { auth: bearer(readOnly.body) }),
      403,
      "insufficient_scope",
    );
    expect((await api("GET", "/v4/people/current", { auth: bearer(readOnly.body) })).status).toBe(200);
    expect((await usageOf(readOnly.body, user.reader)).body.totals).toEqual({ accepted: 1, refused: 1 });

    await updatePerson(user.person.id, { isDisabled: true });
    try {
      expectError(await api("GET", "/v4/people/current", { auth: bearer(user.token) }), 401, "token_blocked");
    } finally {
      await updatePerson(user.person.id, { isDisabled: false });
    }
    const old = new Date(Date.now() - 1000);
    await query('UPDATE "AccessToken" SET "expiresAt" = ? WHERE "id" = ?', [
      timestampParam(old),
      user.token.tokenInfo.tokenId,
    ]);
    expectError(await api("GET", "/v4/people/current", { auth: bearer(user.token) }), 401, "token_expired");
    // Accepted once: it created the read-only token.
    expect((await usageOf(user.token, user.reader)).body.totals).toEqual({ accepted: 1, refused: 2 });
  });

  test("the owner and the workspace's admins may read it; anyone else gets 404, as for a token that does not exist", async () => {
    const [owner, other] = await Promise.all([ownerWithTwoTokens("usage-owner"), createUserWithToken("usage-other")]);
    expect((await usageOf(owner.token, owner.reader)).status).toBe(200);
    expect((await usageOf(owner.token, await adminToken())).status).toBe(200);
    expectError(await usageOf(owner.token, other.token), 404, "not_found");
    expectError(await usageOf("0000000000000000", owner.reader), 404, "not_found");
    expectError(await usageOf("not-a-token-id", owner.reader), 404, "not_found");
  });

  test("?days= chooses the range, today included; anything but 1 to 366 is a 400 naming it", async () => {
    const user = await ownerWithTwoTokens("usage-days");
    const week = await usageOf(user.token, user.reader, "?days=7");
    expect(week.body.daily.map((day) => day.day)).toHaveLength(7);
    expect(week.body.from).toBe(new Date(Date.now() - 6 * DAY_SECONDS * 1000).toISOString().slice(0, 10));
    for (const days of ["0", "367", "abc", "-1", "1.5"]) {
      expectError(await usageOf(user.token, user.reader, `?days=${days}`), 400, "invalid_request", "days");
    }
    expect(
      (await api("POST", `/v4/apiAccessTokens/${user.token.tokenInfo.tokenId}/usage`, { auth: bearer(user.reader) }))
        .status,
    ).toBe(405);
  });

  test("a read-only token may read usage (a GET)", async () => {
    const user = await ownerWithTwoTokens("usage-read-only");
    const readOnly = await api<CreatedToken>("POST", "/v4/apiAccessTokens", {
      auth: bearer(user.token),
      json: { lifetimeSeconds: 3600, scopes: ["read_api"] },
    });
    expect((await usageOf(user.token, readOnly.body)).status).toBe(200);
  });
});

describe("GET /v4/workspaces/current/apiAccessTokens (the inventory)", () => {
  const INVENTORY = "/v4/workspaces/current/apiAccessTokens";
  const inventory = async (params: Record<string, string>) => {
    const response = await api<List<InventoryToken>>("GET", `${INVENTORY}?${new URLSearchParams(params)}`, {
      auth: bearer(await adminToken()),
    });
    expect(response.status, response.text).toBe(200);
    return response.body;
  };
  let user: UserWithToken;
  let used: CreatedToken;
  let forever: CreatedToken;

  beforeAll(async () => {
    user = await createUserWithToken("inventory");
    used = await createToken(bearer(user.token), { lifetimeSeconds: 3600 });
    for (let i = 0; i < 3; i++)
      expect((await api("GET", "/v4/people/current", { auth: bearer(used) })).status).toBe(200);
    forever = await withSettings({ maxUserTokenLifetimeDays: -1 }, () =>
      createToken({ basic: { email: user.email, password: user.password } }, { lifetimeSeconds: -1 }),
    );
  });

  const ids = (list: List<InventoryToken>) => list.data.map((token) => token.tokenId).sort();

  test("lists every token of a person with its owner and 30-day use", async () => {
    // The usage endpoint writes this instance's counts first; the inventory then reads them.
    await usageOf(used, await adminToken());
    const list = await inventory({ personId: user.person.id });
    expect(list.count).toBe(3);
    expect(ids(list)).toEqual([user.token, used, forever].map((t) => t.tokenInfo.tokenId).sort());
    const row = list.data.find((token) => token.tokenId === used.tokenInfo.tokenId);
    expect(row).toMatchObject({ owner: { id: user.person.id, email: user.email }, uses30d: 3, status: "active" });
  });

  test("filters: never expires, never used, unused for N days, status", async () => {
    const mine = { personId: user.person.id };
    expect(ids(await inventory({ ...mine, neverExpires: "true" }))).toEqual([forever.tokenInfo.tokenId]);
    // `user.token` made `used` (a use), so only `forever` was never used.
    expect(ids(await inventory({ ...mine, neverUsed: "true" }))).toEqual([forever.tokenInfo.tokenId]);
    expect(ids(await inventory({ ...mine, unusedDays: "1" }))).toEqual([forever.tokenInfo.tokenId]);
    const longAgo = new Date(Date.now() - 40 * DAY_SECONDS * 1000);
    await query('UPDATE "AccessToken" SET "lastUsedAt" = ? WHERE "id" = ?', [
      timestampParam(longAgo),
      used.tokenInfo.tokenId,
    ]);
    expect(ids(await inventory({ ...mine, unusedDays: "30" }))).toEqual(
      [forever, used].map((t) => t.tokenInfo.tokenId).sort(),
    );
    expect((await inventory({ ...mine, status: "active" })).count).toBe(3);
    await updatePerson(user.person.id, { isDisabled: true });
    try {
      expect((await inventory({ ...mine, status: "blocked" })).count).toBe(3);
      expect((await inventory({ ...mine, status: "active" })).count).toBe(0);
    } finally {
      await updatePerson(user.person.id, { isDisabled: false });
    }
  });

  test("sorts by last use and by expiry, dates first, tokens without one last", async () => {
    const byLastUse = await inventory({ personId: user.person.id, sort: "-lastUsed" });
    expect(byLastUse.data.at(-1)?.tokenId).toBe(forever.tokenInfo.tokenId);
    const byExpiry = await inventory({ personId: user.person.id, sort: "expiry" });
    expect(byExpiry.data.at(-1)?.tokenId).toBe(forever.tokenInfo.tokenId);
    const page = await inventory({ personId: user.person.id, sort: "expiry", limit: "1", offset: "1" });
    expect(page).toMatchObject({ count: 3, data: [{ tokenId: byExpiry.data[1].tokenId }] });
  });

  test("only admins: anyone else gets 403 whatever the query; each bad filter is a 400 naming it", async () => {
    const member = await api("GET", `${INVENTORY}?status=nonsense`, { auth: bearer(user.token) });
    expectError(member, 403, "forbidden");
    const admin = bearer(await adminToken());
    for (const [name, value] of [
      ["status", "gone"],
      ["personId", "someone"],
      ["neverExpires", "yes"],
      ["neverUsed", "1"],
      ["unusedDays", "0"],
      ["unusedDays", "9999999"],
      ["sort", "name"],
    ]) {
      const response = await api("GET", `${INVENTORY}?${name}=${value}`, { auth: admin });
      expectError(response, 400, "invalid_request", name);
    }
  });
});
