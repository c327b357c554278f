// Responses to a token-authenticated request say when that token expires.
import { describe, expect, test } from "vitest";
import {
  admin,
  adminSession,
  api,
  bearer,
  createToken,
  createUserWithToken,
  DAY_SECONDS,
  listTokens,
  withSettings,
  type CreatedToken,
  type TokenInfo,
} from "./support/client";
import { query, timestampParam } from "./support/database";

const HEADER = "tessera-token-expires";

describe("Tessera-Token-Expires", () => {
  test("is the token's expiry as an ISO date, on success and on later errors", async () => {
    const token = await createToken({ basic: admin() }, { lifetimeSeconds: 3 * DAY_SECONDS });
    const expiredAt = token.tokenInfo.expiredAt;
    for (const response of [
      await api("GET", "/v4/apiAccessTokens", { auth: bearer(token) }),
      await api("GET", "/v4/people/current", { auth: bearer(token) }),
      await api("GET", "/v4/apiAccessTokens/AAAAAAAAAAAAAAAA", { auth: bearer(token) }),
    ]) {
      expect(response.headers.get(HEADER)).toBe(expiredAt);
    }
    expect(new Date(expiredAt ?? "").toISOString()).toBe(expiredAt);
  });

  test('is "never" for a non-expiring token', async () => {
    const response = await withSettings({ maxUserTokenLifetimeDays: -1 }, async () => {
      const token = await createToken({ basic: admin() }, { lifetimeSeconds: -1 });
      return api("GET", "/v4", { auth: bearer(token) });
    });
    expect(response.status).toBe(200);
    expect(response.headers.get(HEADER)).toBe("never");
  });

  test("is the earlier end once an admin lowers the workspace maximum below the token's lifetime, as tokenInfo says", async () => {
    const user = await createUserWithToken("expiry-maximum");
    const token = await createToken(
      { basic: { email: user.email, password: user.password } },
      { lifetimeSeconds: 30 * DAY_SECONDS },
    );
    const ownEnd = token.tokenInfo.expiredAt;
    expect(token.tokenInfo.expiryLimit).toBe("lifetime");
    const createdAt = await backdate(token, 2);

    // Blocked from createdAt + 5 days on (3 days from now): that is the end a script must be told of.
    const cutoff = new Date(Date.parse(createdAt) + 5 * DAY_SECONDS * 1000).toISOString();
    await withSettings({ maxUserTokenLifetimeDays: 5 }, async () => {
      const { info, header } = await ownView(token);
      expect(info).toMatchObject({ status: "active", expiredAt: cutoff, expiryLimit: "workspace_maximum" });
      expect(header).toBe(cutoff);
      const listed = (await listTokens(bearer(user.token))).data.find((t) => t.tokenId === token.tokenInfo.tokenId);
      expect(listed).toMatchObject({ expiredAt: cutoff, expiryLimit: "workspace_maximum" });
    });
    // Raising the maximum again gives the token its own end back.
    const { info, header } = await ownView(token);
    expect(info).toMatchObject({ status: "active", expiredAt: ownEnd, expiryLimit: "lifetime" });
    expect(header).toBe(ownEnd);
  });

  test("is not never for a non-expiring token once the workspace has a maximum", async () => {
    await withSettings({ maxUserTokenLifetimeDays: -1 }, async () => {
      const token = await createToken({ basic: admin() }, { lifetimeSeconds: -1 });
      expect(token.tokenInfo).toMatchObject({ expiredAt: null, expiryLimit: null });
      await withSettings({ maxUserTokenLifetimeDays: 30 }, async () => {
        const end = new Date(Date.parse(token.tokenInfo.createdAt) + 30 * DAY_SECONDS * 1000).toISOString();
        const { info, header } = await ownView(token);
        expect(info).toMatchObject({ expiredAt: end, expiryLimit: "workspace_maximum" });
        expect(header).toBe(end);
      });
    });
  });

  test("is absent for Basic, session and unauthenticated requests", async () => {
    const user = await createUserWithToken("expiry");
    const basic = await api("POST", "/v4/apiAccessTokens", {
      auth: { basic: { email: user.email, password: user.password } },
      json: { lifetimeSeconds: 60 },
    });
    expect(basic.status).toBe(201);
    expect(basic.headers.get(HEADER)).toBeNull();
    const session = await api("GET", "/v4/apiAccessTokens", { auth: await adminSession() });
    expect(session.status).toBe(200);
    expect(session.headers.get(HEADER)).toBeNull();
    const none = await api("GET", "/v4/apiAccessTokens");
    expect(none.status).toBe(401);
    expect(none.headers.get(HEADER)).toBeNull();
  });
});

/** Moves the token's creation `days` back, as if it had been made then; returns the new createdAt. */
async function backdate(token: CreatedToken, days: number): Promise<string> {
  const createdAt = new Date(Date.parse(token.tokenInfo.createdAt) - days * DAY_SECONDS * 1000);
  await query('UPDATE "AccessToken" SET "createdAt" = ? WHERE "id" = ?', [
    timestampParam(createdAt),
    token.tokenInfo.tokenId,
  ]);
  return createdAt.toISOString();
}

/** The token's own TokenInfo and the expiry header of that very request. */
async function ownView(token: CreatedToken): Promise<{ info: TokenInfo; header: string | null }> {
  const response = await api<TokenInfo>("GET", `/v4/apiAccessTokens/${token.tokenInfo.tokenId}`, {
    auth: bearer(token),
  });
  expect(response.status, response.text).toBe(200);
  return { info: response.body, header: response.headers.get(HEADER) };
}
