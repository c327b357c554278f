// A token created with a token lives no longer than that token: a short lifetime then bounds every token
// issued from it (a 60-second token could otherwise mint a 365-day one), while renewing a token with one of the
// same lifetime, the seed's flow, keeps working. Email and password, and the web session, are not bound by it.
import { beforeAll, describe, expect, test } from "vitest";
import {
  adminSession,
  api,
  bearer,
  createToken,
  createUserWithToken,
  DAY_SECONDS,
  expectError,
  withSettings,
  type UserWithToken,
} from "./support/client";
import { storedTokenCount } from "./support/database";

const TOKENS = "/v4/apiAccessTokens";
const refusal = (seconds: number) =>
  `lifetimeSeconds: must be at most ${seconds} seconds: a token created with a token cannot live longer than that token's own lifetime`;

describe("a token created with a token", () => {
  let user: UserWithToken;
  beforeAll(async () => {
    user = await createUserWithToken("short-parent", 60);
  });

  test("a 60-second token creates a 60-second token, and refuses 61 seconds, naming the limit", async () => {
    const child = await createToken(bearer(user.token), { lifetimeSeconds: 60 });
    expect(Date.parse(child.tokenInfo.expiredAt ?? "") - Date.parse(child.tokenInfo.createdAt)).toBe(60_000);
    const count = await storedTokenCount(user.person.id);
    const tooLong = await api("POST", TOKENS, { auth: bearer(user.token), json: { lifetimeSeconds: 61 } });
    expectError(tooLong, 400, "invalid_request", refusal(60));
    // Its child is bound the same way: no chain of tokens outlives the first.
    const grandchild = await api("POST", TOKENS, { auth: bearer(child), json: { lifetimeSeconds: 365 * DAY_SECONDS } });
    expectError(grandchild, 400, "invalid_request", refusal(60));
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("an expiring token cannot create a non-expiring one, even where the workspace allows them", async () => {
    await withSettings({ maxUserTokenLifetimeDays: -1 }, async () => {
      const count = await storedTokenCount(user.person.id);
      const forever = await api("POST", TOKENS, { auth: bearer(user.token), json: { lifetimeSeconds: -1 } });
      expectError(forever, 400, "invalid_request", refusal(60));
      expect(await storedTokenCount(user.person.id)).toBe(count);
    });
  });

  test("a non-expiring token creates a non-expiring one where the workspace allows them", async () => {
    await withSettings({ maxUserTokenLifetimeDays: -1 }, async () => {
      const basic = { basic: { email: user.email, password: user.password } };
      const forever = await createToken(basic, { lifetimeSeconds: -1 });
      const child = await createToken(bearer(forever), { lifetimeSeconds: -1 });
      expect(child.tokenInfo.expiredAt).toBeNull();
    });
  });

  test("email and password, and the web session, may create any lifetime the workspace allows", async () => {
    const basic = { basic: { email: user.email, password: user.password } };
    const long = await createToken(basic, { lifetimeSeconds: 30 * DAY_SECONDS });
    expect(long.tokenInfo.expiryLimit).toBe("lifetime");
    const session = await api("POST", TOKENS, {
      auth: await adminSession(),
      json: { lifetimeSeconds: 30 * DAY_SECONDS },
    });
    expect(session.status, session.text).toBe(201);
  });
});
