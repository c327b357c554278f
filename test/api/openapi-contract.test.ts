// Live responses of every endpoint, success and error cases, validate against the schema that the served
// OpenAPI document gives for that operation and status.
import { beforeAll, describe, expect, test } from "vitest";
import {
  admin,
  adminToken,
  api,
  bearer,
  createPerson,
  createToken,
  createUserWithToken,
  uniqueEmail,
  type Auth,
  type RequestOptions,
  type UserWithToken,
} from "./support/client";
import { ResponseChecker, type OpenApiDocument } from "./support/openapi";

let checker: ResponseChecker;
let adminAuth: Auth;
let asAdmin: RequestOptions;
let asUser: RequestOptions;
let user: UserWithToken;
let otherPersonId: string;
const seen = new Set<string>();

beforeAll(async () => {
  checker = new ResponseChecker((await api<OpenApiDocument>("GET", "/v4/openapi.json")).body);
  adminAuth = bearer(await adminToken());
  asAdmin = { auth: adminAuth };
  user = await createUserWithToken("contract");
  asUser = { auth: bearer(user.token) };
  otherPersonId = (await createPerson({}, "contract-other")).person.id;
});

/** Requests for one documented path: `path` is the URL called, `docPath` the path in the document. */
function at(docPath: string, path = docPath) {
  return async (method: string, status: number, options: RequestOptions = {}, query = "") => {
    const response = await api(method, `${path}${query}`, options);
    expect(response.status, `${method} ${path}${query}: ${response.text}`).toBe(status);
    checker.check(method, docPath, response);
    seen.add(`${method} ${docPath} ${status}`);
  };
}

const withJson = (options: RequestOptions, json: unknown): RequestOptions => ({ ...options, json });
const tokens = "/v4/apiAccessTokens";

// In order, never shuffled: the last test checks that the ones before it exercised every operation.
describe("live responses match the OpenAPI document", { shuffle: false, sequential: true }, () => {
  test("the endpoint list, the document and the health check", async () => {
    await at("/")("GET", 200, asAdmin);
    await at("/")("GET", 401, { auth: { bearer: "tsr_not-a-token" } });
    await at("/v4")("GET", 200, asAdmin);
    await at("/v4")("GET", 401);
    await at("/v4/openapi.json")("GET", 200);
    await at("/healthz")("GET", 200);
  });

  test("creating tokens: 201, 400, 401, 413 and 415", async () => {
    const create = at(tokens);
    await create("POST", 201, { auth: { basic: admin() }, json: { lifetimeSeconds: 60, description: "contract" } });
    await create("POST", 201, withJson(asUser, { lifetimeSeconds: 60 }));
    await create("POST", 400, withJson(asAdmin, { lifetimeSeconds: 0 }));
    const wrongPassword = { basic: { email: admin().email, password: "wrong-password" } };
    await create("POST", 401, { auth: wrongPassword, json: { lifetimeSeconds: 60 } });
    await create("POST", 401, { json: { lifetimeSeconds: 60 } });
    await create("POST", 413, withJson(asAdmin, { lifetimeSeconds: 60, description: "x".repeat(20_000) }));
    const asText = { ...asAdmin, body: "lifetimeSeconds=60", headers: { "Content-Type": "text/plain" } };
    await create("POST", 415, asText);
  });

  test("listing, reading and deleting tokens: 200, 204, 400, 401, 404 and 405", async () => {
    await at(tokens)("GET", 200, asAdmin);
    await at(tokens)("GET", 400, asAdmin, "?limit=0");
    await at(tokens)("GET", 401);
    const created = await createToken(adminAuth, { lifetimeSeconds: 600 });
    const one = at(`${tokens}/{tokenId}`, `${tokens}/${created.tokenInfo.tokenId}`);
    await one("GET", 200, asAdmin);
    await one("GET", 404, asUser);
    await one("GET", 401);
    await one("PATCH", 405, withJson(asAdmin, {}));
    await one("DELETE", 204, asAdmin);
    await one("DELETE", 404, asAdmin);
  });

  test("a token's usage and the workspace's inventory: 200, 400, 401, 403, 404 and 405; a read-only token's write: 403", async () => {
    const usage = at(`${tokens}/{tokenId}/usage`, `${tokens}/${user.token.tokenInfo.tokenId}/usage`);
    await usage("GET", 200, asUser);
    await usage("GET", 200, asAdmin, "?days=7");
    await usage("GET", 400, asUser, "?days=0");
    await usage("GET", 401);
    await usage("POST", 405, asUser);
    const elsewhere = at(`${tokens}/{tokenId}/usage`, `${tokens}/0000000000000000/usage`);
    await elsewhere("GET", 404, asUser);
    const inventory = at("/v4/workspaces/current/apiAccessTokens");
    await inventory("GET", 200, asAdmin, "?status=active&sort=-lastUsed&limit=5");
    await inventory("GET", 400, asAdmin, "?unusedDays=0");
    await inventory("GET", 403, asUser);
    await inventory("GET", 401);
    await inventory("POST", 405, asAdmin);
    const readOnly = await api<{ tokenValue: string }>("POST", tokens, {
      auth: bearer(user.token),
      json: { lifetimeSeconds: 600, scopes: ["read_api"] },
    });
    await at(tokens)("POST", 403, withJson({ auth: { bearer: readOnly.body.tokenValue } }, { lifetimeSeconds: 60 }));
  });

  test("revoking a leaked token by its value: 202, 400, 405, 413 and 415", async () => {
    const revoke = at(`${tokens}/revoke`);
    const leaked = await createToken(adminAuth, { lifetimeSeconds: 600 });
    await revoke("POST", 202, { json: { tokenValue: leaked.tokenValue } });
    await revoke("POST", 400, { json: { tokenValue: 42 } });
    await revoke("GET", 405);
    await revoke("POST", 413, { json: { tokenValue: "x".repeat(20_000) } });
    await revoke("POST", 415, { body: "tokenValue=x", headers: { "Content-Type": "text/plain" } });
  });

  test("the current person and the password: 200, 204, 400, 401 and 405", async () => {
    const me = at("/v4/people/current");
    await me("GET", 200, asUser);
    await me("GET", 401);
    await me("POST", 405, asAdmin);
    const password = at("/v4/people/current/password");
    const change = { currentPassword: user.password, newPassword: `${user.password}-new` };
    await password("PUT", 400, withJson(asUser, { currentPassword: "x", newPassword: "short" }));
    await password("PUT", 204, withJson(asUser, change));
    await password("PUT", 401, { json: change });
  });

  test("people (admin): 200, 201, 400, 403, 404, 405 and 409", async () => {
    const people = at("/v4/people");
    const newPerson = { email: uniqueEmail("contract-new"), name: "New", password: "contract-password" };
    await people("GET", 200, asAdmin);
    await people("GET", 403, asUser);
    await people("GET", 400, asAdmin, "?offset=-1");
    await people("POST", 201, withJson(asAdmin, newPerson));
    await people("POST", 409, withJson(asAdmin, newPerson));
    await people("POST", 400, withJson(asAdmin, { email: "x" }));
    await people("DELETE", 405, asAdmin);
    const other = at("/v4/people/{id}", `/v4/people/${otherPersonId}`);
    await other("GET", 200, asAdmin);
    await other("GET", 403, asUser);
    await other("PATCH", 200, withJson(asAdmin, { name: "Renamed" }));
    await other("PATCH", 400, withJson(asAdmin, { name: "" }));
    const nobody = at("/v4/people/{id}", "/v4/people/nobody");
    await nobody("GET", 404, asAdmin);
    await nobody("PATCH", 404, withJson(asAdmin, { name: "N" }));
    const adminId = (await api<{ id: string }>("GET", "/v4/people/current", asAdmin)).body.id;
    await at("/v4/people/{id}", `/v4/people/${adminId}`)("PATCH", 409, withJson(asAdmin, { isDisabled: true }));
  });

  test("workspace settings (admin): 200, 400, 403 and 405", async () => {
    const settings = at("/v4/workspaces/current/settings");
    await settings("GET", 200, asAdmin);
    await settings("GET", 403, asUser);
    await settings("PATCH", 200, withJson(asAdmin, {}));
    await settings("PATCH", 400, withJson(asAdmin, { maxUserTokenLifetimeDays: "30" }));
    await settings("PATCH", 403, withJson(asUser, {}));
    await settings("DELETE", 405, asAdmin);
  });

  test("the audit trail: 200, 400, 401, 403 and 405", async () => {
    const audit = at("/v4/auditEvents");
    await audit("GET", 200, asAdmin);
    await audit("GET", 200, asAdmin, "?type=token.created,token.deleted&limit=5");
    await audit("GET", 200, asUser);
    await audit("GET", 400, asAdmin, "?type=nothing");
    await audit("GET", 401);
    await audit("GET", 403, asUser, `?personId=${otherPersonId}`);
    await audit("POST", 405, asAdmin);
  });

  test("forward auth: verify 200 and 401; introspection 200, 400, 401, 403 and 415", async () => {
    const verify = at("/v4/auth/verify");
    await verify("GET", 200, asUser);
    await verify("GET", 401);
    await verify("GET", 401, { auth: { bearer: "tsr_not-a-token" } });
    const introspect = at("/v4/auth/introspect");
    const form = (options: RequestOptions, body: string): RequestOptions => ({
      ...options,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    await introspect("POST", 200, form(asAdmin, `token=${user.token.tokenValue}`));
    await introspect("POST", 200, form(asAdmin, "token=not-a-token"));
    await introspect("POST", 400, form(asAdmin, ""));
    await introspect("POST", 401, form({}, "token=x"));
    await introspect("POST", 403, form(asUser, "token=x"));
    await introspect("POST", 415, withJson(asAdmin, { token: "x" }));
  });

  test("an unknown API path answers with the documented error body", async () => {
    const response = await api("GET", "/v4/nothing-here", asAdmin);
    expect(response.status).toBe(404);
    checker.check("GET", "/v4/apiAccessTokens/{tokenId}", response);
  });

  test("every documented operation's success status was exercised above", () => {
    for (const [docPath, item] of Object.entries(checker.document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.keys(operation.responses as object).find((s) => s.startsWith("2"));
        const key = `${method.toUpperCase()} ${docPath} ${success}`;
        expect(seen, key).toContain(key);
      }
    }
  });
});
