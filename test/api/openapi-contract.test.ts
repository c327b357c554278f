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

type Case = { method: string; path: string; docPath: string; status: number; options?: RequestOptions };

let checker: ResponseChecker;
let adminAuth: Auth;
let user: UserWithToken;
let otherPersonId: string;
const seen = new Set<string>();

beforeAll(async () => {
  checker = new ResponseChecker((await api<OpenApiDocument>("GET", "/v4/openapi.json")).body);
  adminAuth = bearer(await adminToken());
  user = await createUserWithToken("contract");
  otherPersonId = (await createPerson({}, "contract-other")).person.id;
});

async function expectDocumented({ method, path, docPath, status, options }: Case): Promise<void> {
  const response = await api(method, path, options);
  expect(response.status, `${method} ${path}: ${response.text}`).toBe(status);
  checker.check(method, docPath, response);
  seen.add(`${method} ${docPath} ${status}`);
}

const tokens = "/v4/apiAccessTokens";
const unknownTokenId = "0000000000000000";
const json = (body: unknown) => ({ json: body });

describe("live responses match the OpenAPI document", () => {
  test("the endpoint list, the document and the health check", async () => {
    await expectDocumented({ method: "GET", path: "/", docPath: "/", status: 200, options: { auth: adminAuth } });
    const badToken = { auth: { bearer: "tsr_not-a-token" } };
    await expectDocumented({ method: "GET", path: "/", docPath: "/", status: 401, options: badToken });
    await expectDocumented({ method: "GET", path: "/v4", docPath: "/v4", status: 200, options: { auth: adminAuth } });
    await expectDocumented({ method: "GET", path: "/v4", docPath: "/v4", status: 401, options: {} });
    await expectDocumented({ method: "GET", path: "/v4/openapi.json", docPath: "/v4/openapi.json", status: 200 });
    await expectDocumented({ method: "GET", path: "/healthz", docPath: "/healthz", status: 200 });
  });

  test("creating tokens: 201, 400, 401, 413 and 415", async () => {
    const basic = { basic: admin() };
    const c = (status: number, options: RequestOptions) =>
      expectDocumented({ method: "POST", path: tokens, docPath: tokens, status, options });
    await c(201, { auth: basic, ...json({ lifetimeSeconds: 60, description: "contract" }) });
    await c(201, { auth: bearer(user.token), ...json({ lifetimeSeconds: 60 }) });
    await c(400, { auth: adminAuth, ...json({ lifetimeSeconds: 0 }) });
    await c(401, {
      auth: { basic: { email: admin().email, password: "wrong-password" } },
      ...json({ lifetimeSeconds: 60 }),
    });
    await c(401, json({ lifetimeSeconds: 60 }));
    await c(413, { auth: adminAuth, ...json({ lifetimeSeconds: 60, description: "x".repeat(20_000) }) });
    await c(415, { auth: adminAuth, body: "lifetimeSeconds=60", headers: { "Content-Type": "text/plain" } });
  });

  test("listing, reading and deleting tokens: 200, 204, 400, 401, 404 and 405", async () => {
    const created = await createToken(adminAuth, { lifetimeSeconds: 600 });
    const one = `${tokens}/${created.tokenInfo.tokenId}`;
    const byId = `${tokens}/{tokenId}`;
    await expectDocumented({ method: "GET", path: tokens, docPath: tokens, status: 200, options: { auth: adminAuth } });
    await expectDocumented({
      method: "GET",
      path: `${tokens}?limit=0`,
      docPath: tokens,
      status: 400,
      options: { auth: adminAuth },
    });
    await expectDocumented({ method: "GET", path: tokens, docPath: tokens, status: 401 });
    await expectDocumented({ method: "GET", path: one, docPath: byId, status: 200, options: { auth: adminAuth } });
    await expectDocumented({
      method: "GET",
      path: one,
      docPath: byId,
      status: 404,
      options: { auth: bearer(user.token) },
    });
    await expectDocumented({
      method: "PATCH",
      path: one,
      docPath: byId,
      status: 405,
      options: { auth: adminAuth, ...json({}) },
    });
    await expectDocumented({ method: "DELETE", path: one, docPath: byId, status: 204, options: { auth: adminAuth } });
    await expectDocumented({ method: "DELETE", path: one, docPath: byId, status: 404, options: { auth: adminAuth } });
    const unknown = `${tokens}/${unknownTokenId}`;
    await expectDocumented({ method: "GET", path: unknown, docPath: byId, status: 401 });
  });

  test("the current person and the password: 200, 204, 400 and 401", async () => {
    const me = "/v4/people/current";
    const pw = "/v4/people/current/password";
    await expectDocumented({
      method: "GET",
      path: me,
      docPath: me,
      status: 200,
      options: { auth: bearer(user.token) },
    });
    await expectDocumented({ method: "GET", path: me, docPath: me, status: 401 });
    await expectDocumented({ method: "POST", path: me, docPath: me, status: 405, options: { auth: adminAuth } });
    const change = { currentPassword: user.password, newPassword: `${user.password}-new` };
    await expectDocumented({
      method: "PUT",
      path: pw,
      docPath: pw,
      status: 400,
      options: { auth: bearer(user.token), ...json({ currentPassword: "x", newPassword: "short" }) },
    });
    await expectDocumented({
      method: "PUT",
      path: pw,
      docPath: pw,
      status: 204,
      options: { auth: bearer(user.token), ...json(change) },
    });
    await expectDocumented({ method: "PUT", path: pw, docPath: pw, status: 401, options: json(change) });
  });

  test("people (admin): 200, 201, 400, 403, 404, 405 and 409", async () => {
    const people = "/v4/people";
    const one = `${people}/{id}`;
    const asUser = { auth: bearer(user.token) };
    const newPerson = { email: uniqueEmail("contract-new"), name: "New", password: "contract-password" };
    await expectDocumented({ method: "GET", path: people, docPath: people, status: 200, options: { auth: adminAuth } });
    await expectDocumented({ method: "GET", path: people, docPath: people, status: 403, options: asUser });
    await expectDocumented({
      method: "GET",
      path: `${people}?offset=-1`,
      docPath: people,
      status: 400,
      options: { auth: adminAuth },
    });
    await expectDocumented({
      method: "POST",
      path: people,
      docPath: people,
      status: 201,
      options: { auth: adminAuth, ...json(newPerson) },
    });
    await expectDocumented({
      method: "POST",
      path: people,
      docPath: people,
      status: 409,
      options: { auth: adminAuth, ...json(newPerson) },
    });
    await expectDocumented({
      method: "POST",
      path: people,
      docPath: people,
      status: 400,
      options: { auth: adminAuth, ...json({ email: "x" }) },
    });
    await expectDocumented({
      method: "DELETE",
      path: people,
      docPath: people,
      status: 405,
      options: { auth: adminAuth },
    });
    const other = `${people}/${otherPersonId}`;
    await expectDocumented({ method: "GET", path: other, docPath: one, status: 200, options: { auth: adminAuth } });
    await expectDocumented({ method: "GET", path: other, docPath: one, status: 403, options: asUser });
    await expectDocumented({
      method: "GET",
      path: `${people}/nobody`,
      docPath: one,
      status: 404,
      options: { auth: adminAuth },
    });
    await expectDocumented({
      method: "PATCH",
      path: other,
      docPath: one,
      status: 200,
      options: { auth: adminAuth, ...json({ name: "Renamed" }) },
    });
    await expectDocumented({
      method: "PATCH",
      path: other,
      docPath: one,
      status: 400,
      options: { auth: adminAuth, ...json({ email: "x@y.z" }) },
    });
    await expectDocumented({
      method: "PATCH",
      path: `${people}/nobody`,
      docPath: one,
      status: 404,
      options: { auth: adminAuth, ...json({ name: "N" }) },
    });
    const me = (await api<{ id: string }>("GET", "/v4/people/current", { auth: adminAuth })).body.id;
    await expectDocumented({
      method: "PATCH",
      path: `${people}/${me}`,
      docPath: one,
      status: 409,
      options: { auth: adminAuth, ...json({ isDisabled: true }) },
    });
  });

  test("workspace settings (admin): 200, 400, 403 and 405", async () => {
    const settings = "/v4/workspaces/current/settings";
    const c = (method: string, status: number, options: RequestOptions) =>
      expectDocumented({ method, path: settings, docPath: settings, status, options });
    await c("GET", 200, { auth: adminAuth });
    await c("GET", 403, { auth: bearer(user.token) });
    await c("PATCH", 200, { auth: adminAuth, ...json({}) });
    await c("PATCH", 400, { auth: adminAuth, ...json({ maxUserTokenLifetimeDays: "30" }) });
    await c("PATCH", 403, { auth: bearer(user.token), ...json({}) });
    await c("DELETE", 405, { auth: adminAuth });
  });

  test("an unknown API path answers with the documented error body", async () => {
    const response = await api("GET", "/v4/nothing-here", { auth: adminAuth });
    expect(response.status).toBe(404);
    checker.check("GET", "/v4/apiAccessTokens/{tokenId}", response);
  });

  test("every documented operation's success status was exercised above", () => {
    for (const [docPath, item] of Object.entries(checker.document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.keys(operation.responses as object).find((s) => s.startsWith("2"));
        expect(seen, `${method.toUpperCase()} ${docPath} ${success}`).toContain(
          `${method.toUpperCase()} ${docPath} ${success}`,
        );
      }
    }
  });
});
