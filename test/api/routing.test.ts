import { beforeAll, describe, expect, test } from "vitest";
import { adminToken, api, bearer, expectError, type Auth } from "./support/client";

// Every API route, with the methods the contract gives it. Any other method is a 405 in the contract's
// JSON error shape, with an Allow header, like the token routes ("tokens are immutable").
const routes: { path: string; allowed: string[] }[] = [
  { path: "/v4", allowed: ["GET"] },
  { path: "/v4/apiAccessTokens", allowed: ["GET", "POST"] },
  { path: "/v4/apiAccessTokens/0123456789abcdef", allowed: ["GET", "DELETE"] },
  { path: "/v4/people/current", allowed: ["GET"] },
  { path: "/v4/people/current/password", allowed: ["PUT"] },
  { path: "/v4/people", allowed: ["GET", "POST"] },
  { path: "/v4/people/someone", allowed: ["GET", "PATCH"] },
  { path: "/v4/workspaces/current/settings", allowed: ["GET", "PATCH"] },
];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const notAllowed = routes.flatMap(({ path, allowed }) =>
  METHODS.filter((m) => !allowed.includes(m)).map((method) => ({ method, path, allowed })),
);

describe("methods a route does not support", () => {
  let auth: Auth;
  beforeAll(async () => {
    auth = bearer(await adminToken());
  });

  test.each(notAllowed)("$method $path: 405 JSON with Allow", async ({ method, path, allowed }) => {
    const json = ["GET", "DELETE"].includes(method) ? undefined : {};
    const response = await api(method, path, { auth, json });
    expectError(response, 405, "method_not_allowed");
    const allow = (response.headers.get("allow") ?? "").split(",").map((m) => m.trim());
    expect(allow).toEqual(expect.arrayContaining(allowed));
    expect(allow).not.toContain(method);
  });

  test("POST / with a token is a 405 of the endpoint list, not the web app", async () => {
    const response = await api("POST", "/", { auth, json: {} });
    expectError(response, 405, "method_not_allowed");
  });
});

describe("unknown API paths", () => {
  test.each([
    ["GET", "/v4/whatever"],
    ["POST", "/v4/whatever"],
    ["DELETE", "/v4/whatever/deeper/still"],
    ["GET", "/v4/apiAccessTokens/0123456789abcdef/extra"],
    ["GET", "/v4/people/current/extra"],
    ["GET", "/v4/workspaces/other/settings"],
    ["PATCH", "/v4/workspaces"],
  ])("%s %s: 404 JSON, with or without a token", async (method, path) => {
    const json = ["GET", "DELETE"].includes(method) ? undefined : {};
    expectError(await api(method, path, { auth: bearer(await adminToken()), json }), 404, "not_found");
    expectError(await api(method, path, { json }), 404, "not_found");
  });
});
