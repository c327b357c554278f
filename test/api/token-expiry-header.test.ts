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
  withSettings,
} from "./support/client";

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
