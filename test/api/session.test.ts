import { beforeAll, describe, expect, test } from "vitest";
import {
  admin,
  adminSession,
  api,
  expectError,
  expectPerson,
  getSettings,
  type Auth,
  type Person,
} from "./support/client";

// The browser UI calls the API with its next-auth session cookie; state changes must then be same-origin.
describe("the sign-in session cookie", () => {
  let cookie: string;
  beforeAll(async () => {
    const session: Auth = await adminSession();
    if (!("cookie" in session)) throw new Error("adminSession() must return a cookie");
    cookie = session.cookie;
  });

  test("authenticates API reads", async () => {
    const response = await api<Person>("GET", "/v4/people/current", { headers: { Cookie: cookie } });
    expect(response.status, response.text).toBe(200);
    expect(expectPerson(response.body).email).toBe(admin().email);
  });

  test.each([
    ["a foreign Origin", { Origin: "http://evil.example" }],
    ["no Origin and a cross-site fetch", { "Sec-Fetch-Site": "cross-site" }],
    ["no Origin at all", {}],
  ])("a state change with %s: 403, and nothing changes", async (_name, headers: Record<string, string>) => {
    const before = await getSettings();
    const response = await api("PATCH", "/v4/workspaces/current/settings", {
      headers: { Cookie: cookie, ...headers },
      json: { usersCanGenerateApiAccessTokens: !before.usersCanGenerateApiAccessTokens },
    });
    expectError(response, 403, "forbidden");
    expect(await getSettings()).toEqual(before);

    const token = await api("POST", "/v4/apiAccessTokens", {
      headers: { Cookie: cookie, ...headers },
      json: { lifetimeSeconds: 60 },
    });
    expectError(token, 403, "forbidden");
  });

  test("a same-origin state change is allowed", async () => {
    const before = await getSettings();
    const response = await api("PATCH", "/v4/workspaces/current/settings", { auth: { cookie }, json: {} });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(before);
  });

  test("GET / with only the cookie is the web app, not the endpoint list", async () => {
    const response = await api("GET", "/", { headers: { Cookie: cookie } });
    expect(response.headers.get("content-type") ?? "").not.toMatch(/json/);
    expect(response.text).not.toContain("/v4/apiAccessTokens");
  });

  test("a forged cookie is no credential: 401 missing_credentials", async () => {
    const forged = cookie.replace(/(next-auth\.session-token=)[^;]{10}/, "$1AAAAAAAAAA");
    expect(forged).not.toBe(cookie);
    const response = await api("GET", "/v4/people/current", { headers: { Cookie: forged } });
    expectError(response, 401, "missing_credentials");
  });
});
