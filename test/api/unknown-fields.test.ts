// Compatibility: real clients send more than Tessera knows (a `name` beside `lifetimeSeconds`, say). Unknown
// fields in a request body are ignored, as GitHub's API does: the request does what its known fields say and
// nothing else. Wrong values of known fields are still refused (those, repeated keys and prototype keys for
// every route are in bad-input.test.ts).
import { beforeAll, describe, expect, test } from "vitest";
import {
  admin,
  adminToken,
  api,
  bearer,
  createPerson,
  createToken,
  createUserWithToken,
  expectError,
  expectPerson,
  getSettings,
  listTokens,
  uniqueEmail,
  type Auth,
  type CreatedToken,
  type Person,
  type UserWithToken,
} from "./support/client";
import { storedTokenCount } from "./support/database";

const TOKENS = "/v4/apiAccessTokens";
let asAdmin: Auth;
let user: UserWithToken;
let bystander: UserWithToken;

beforeAll(async () => {
  asAdmin = bearer(await adminToken());
  user = await createUserWithToken("unknown-fields");
  bystander = await createUserWithToken("unknown-fields-bystander");
});

describe("unknown fields are ignored", () => {
  test("POST /v4/apiAccessTokens with a name, an owner, an id and an expiry: 201, a token of the caller's own, as asked", async () => {
    const response = await api<CreatedToken>("POST", TOKENS, {
      auth: bearer(user.token),
      json: {
        lifetimeSeconds: 60,
        name: "ci",
        userId: bystander.person.id,
        tokenId: "AAAAAAAAAAAAAAAA",
        expiresAt: "2099-01-01T00:00:00.000Z",
        status: "active",
      },
    });
    expect(response.status, response.text).toBe(201);
    const info = response.body.tokenInfo;
    expect(info).toMatchObject({ description: "", status: "active" });
    expect(info.tokenId).not.toBe("AAAAAAAAAAAAAAAA");
    expect(Date.parse(info.expiredAt ?? "") - Date.parse(info.createdAt)).toBe(60_000);
    expect((await listTokens(bearer(user.token))).data.map((t) => t.tokenId)).toContain(info.tokenId);
    expect((await listTokens(bearer(bystander.token))).data.map((t) => t.tokenId)).not.toContain(info.tokenId);
  });

  test("a wrong value of a known field is still a 400 naming it, whatever unknown fields come with it", async () => {
    const count = await storedTokenCount(user.person.id);
    const response = await api("POST", TOKENS, {
      auth: bearer(user.token),
      json: { lifetimeSeconds: "60", name: "ci" },
    });
    expectError(response, 400, "invalid_request", "lifetimeSeconds");
    expect(await storedTokenCount(user.person.id)).toBe(count);
  });

  test("POST /v4/people ignores isDisabled, passwordHash and id: the person is added as the known fields say", async () => {
    const email = uniqueEmail("unknown-person");
    const password = "a-long-password-1";
    const response = await api<Person>("POST", "/v4/people", {
      auth: asAdmin,
      json: { email, name: "Known", password, isDisabled: true, passwordHash: "$2a$10$x", id: "chosen-id" },
    });
    expect(response.status, response.text).toBe(201);
    expect(expectPerson(response.body)).toMatchObject({ email, name: "Known", isDisabled: false, isAdmin: false });
    expect(response.body.id).not.toBe("chosen-id");
    await createPersonToken(response.body.id, email, password);
  });

  test("PATCH /v4/people/:id ignores email and password: only the known fields change", async () => {
    const person = await createPerson({}, "unknown-patch");
    const response = await api<Person>("PATCH", `/v4/people/${person.person.id}`, {
      auth: asAdmin,
      json: { name: "Renamed", email: "taken-over@example.test", password: "another-password-1" },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ ...person.person, name: "Renamed" });
    await createPersonToken(person.person.id, person.email, person.password);
  });

  test("PATCH /v4/workspaces/current/settings ignores an unknown setting: 200, nothing changes", async () => {
    const before = await getSettings();
    const response = await api("PATCH", "/v4/workspaces/current/settings", {
      auth: asAdmin,
      json: { name: "Renamed workspace", maxTokenLifetimeDays: 1 },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(before);
  });

  test("PUT /v4/people/current/password ignores an email beside the passwords: 204, the email stays", async () => {
    const person = await createUserWithToken("unknown-password");
    const newPassword = `${person.password}-new`;
    const response = await api("PUT", "/v4/people/current/password", {
      auth: bearer(person.token),
      json: { currentPassword: person.password, newPassword, email: admin().email },
    });
    expect(response.status, response.text).toBe(204);
    const me = await api<Person>("GET", "/v4/people/current", { auth: bearer(person.token) });
    expect(me.body.email).toBe(person.email);
    await createToken({ basic: { email: person.email, password: newPassword } });
  });

  test("POST /v4/apiAccessTokens/revoke ignores a reason beside the value: 202, and the token is revoked", async () => {
    const leaked = await createUserWithToken("unknown-revoke");
    const response = await api("POST", `${TOKENS}/revoke`, {
      json: { tokenValue: leaked.token.tokenValue, reason: "found in a public repository" },
    });
    expect(response.status, response.text).toBe(202);
    expect((await api("GET", TOKENS, { auth: bearer(leaked.token) })).status).toBe(401);
  });
});

/** The person's password works (Basic), so nothing about it changed; gives them token access first. */
async function createPersonToken(id: string, email: string, password: string): Promise<void> {
  const access = await api("PATCH", `/v4/people/${id}`, { auth: asAdmin, json: { canGenerateApiAccessTokens: true } });
  expect(access.status, access.text).toBe(200);
  await createToken({ basic: { email, password } });
}
