import { beforeAll, describe, expect, test } from "vitest";
import { MAX_LIFETIME_DAYS } from "@/lib/validations/access-token";
import {
  admin,
  adminToken,
  api,
  bearer,
  createPerson,
  createToken,
  createUserWithToken,
  expectError,
  expectNoSecrets,
  expectPerson,
  getSettings,
  patchSettings,
  uniqueEmail,
  updatePerson,
  type Auth,
  type List,
  type Person,
  type UserWithToken,
  type WorkspaceSettings,
} from "./support/client";

const PEOPLE = "/v4/people";
const SETTINGS = "/v4/workspaces/current/settings";

let asAdmin: Auth;
let nonAdmin: UserWithToken;
beforeAll(async () => {
  asAdmin = bearer(await adminToken());
  nonAdmin = await createUserWithToken("not-admin");
});

async function peopleCount(): Promise<number> {
  const response = await api<List<Person>>("GET", `${PEOPLE}?limit=1`, { auth: asAdmin });
  expect(response.status).toBe(200);
  return response.body.count;
}

async function allPeople(): Promise<Person[]> {
  const people: Person[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api<List<Person>>("GET", `${PEOPLE}?limit=100&offset=${offset}`, { auth: asAdmin });
    expect(page.status).toBe(200);
    people.push(...page.body.data);
    if (people.length >= page.body.count || page.body.data.length === 0) return people;
  }
}

describe("GET /v4/people", () => {
  test("admin: the workspace's people as {data: [Person], count}, newest first, without passwords", async () => {
    const newest = await createPerson({}, "listed");
    const response = await api<List<Person>>("GET", PEOPLE, { auth: asAdmin });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const { data, count } = response.body;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(data.length).toBe(Math.min(count, 25));
    expect(data[0]).toMatchObject({ id: newest.person.id, email: newest.email });
    for (const person of data) {
      for (const key of ["id", "email", "name", "isAdmin", "isDisabled", "canGenerateApiAccessTokens", "createdAt"]) {
        expect(person).toHaveProperty(key);
      }
    }
    expectNoSecrets(response.body);
    const second = await api<List<Person>>("GET", `${PEOPLE}?limit=1&offset=1`, { auth: asAdmin });
    expect(second.body).toEqual({ data: [data[1]], count });
  });

  test("a non-admin: 403", async () => {
    expectError(await api("GET", PEOPLE, { auth: bearer(nonAdmin.token) }), 403, "forbidden");
    expectError(
      await api("GET", `${PEOPLE}/${nonAdmin.person.id}`, { auth: bearer(nonAdmin.token) }),
      403,
      "forbidden",
    );
    expectError(await api("GET", `${PEOPLE}?limit=0`, { auth: bearer(nonAdmin.token) }), 403, "forbidden");
  });

  test("?limit=0 is a 400 naming limit", async () => {
    expectError(await api("GET", `${PEOPLE}?limit=0`, { auth: asAdmin }), 400, "invalid_request", "limit");
  });
});

describe("POST /v4/people", () => {
  test("admin: 201 Person, a plain user by default", async () => {
    const email = uniqueEmail("new");
    const response = await api<Person>("POST", PEOPLE, {
      auth: asAdmin,
      json: { email, name: "New Person", password: "a-long-password" },
    });
    expect(response.status, response.text).toBe(201);
    const person = expectPerson(response.body);
    expect(person).toMatchObject({
      email,
      name: "New Person",
      isAdmin: false,
      isDisabled: false,
      canGenerateApiAccessTokens: false,
      lastLoginTime: null,
    });
    expect(response.text).not.toContain("a-long-password");
    const fetched = await api<Person>("GET", `${PEOPLE}/${person.id}`, { auth: asAdmin });
    expect(fetched.body).toEqual(person);
  });

  test("isAdmin: true makes an admin, who may generate tokens", async () => {
    const made = await createPerson({ isAdmin: true }, "second-admin");
    try {
      expect(made.person.isAdmin).toBe(true);
      const token = await createToken({ basic: { email: made.email, password: made.password } });
      expect((await api("GET", PEOPLE, { auth: bearer(token) })).status).toBe(200);
    } finally {
      // Keep the first admin the only enabled admin, for the last-admin tests below.
      await updatePerson(made.person.id, { isAdmin: false });
    }
  });

  test("a duplicate email, in any letter case: 409 naming email", async () => {
    const email = uniqueEmail("dup");
    const first = await api("POST", PEOPLE, { auth: asAdmin, json: { email, name: "One", password: "password-1" } });
    expect(first.status).toBe(201);
    const count = await peopleCount();
    for (const again of [email, email.toUpperCase(), ` ${email} `]) {
      const response = await api("POST", PEOPLE, {
        auth: asAdmin,
        json: { email: again, name: "Two", password: "password-2" },
      });
      expectError(response, 409, "conflict", "email");
    }
    expectError(
      await api("POST", PEOPLE, { auth: asAdmin, json: { email: admin().email, name: "X", password: "password-3" } }),
      409,
      "conflict",
      "email",
    );
    expect(await peopleCount()).toBe(count);
  });

  const valid = { email: "valid@example.test", name: "Valid", password: "valid-password" };
  test.each([
    ["email missing", { name: "A", password: "password-1" }, "email"],
    ["email not an address", { ...valid, email: "not-an-email" }, "email"],
    ["email not a string", { ...valid, email: 42 }, "email"],
    ["email too long", { ...valid, email: `${"a".repeat(250)}@example.test` }, "email"],
    ["name missing", { email: "a@example.test", password: "password-1" }, "name"],
    ["name empty", { ...valid, name: "   " }, "name"],
    ["name not a string", { ...valid, name: ["A"] }, "name"],
    ["name too long", { ...valid, name: "n".repeat(101) }, "name"],
    ["password missing", { email: "a@example.test", name: "A" }, "password"],
    ["password too short", { ...valid, password: "short" }, "password"],
    ["isAdmin not a boolean", { ...valid, isAdmin: "yes" }, "isAdmin"],
    ["name with a bidi override", { ...valid, name: "Ada\u202ELovelace" }, "name: must not contain invisible"],
    ["name with a zero-width joiner", { ...valid, name: "Ad\u200Da" }, "name: must not contain invisible"],
    ["name with a lone surrogate", { ...valid, name: "Ada \udc00" }, "name: must not contain unpaired surrogates"],
    ["email with a zero-width space", { ...valid, email: "va\u200Blid@example.test" }, "email"],
    ["a body that is an array", [valid], "body"],
  ])("%s: 400 naming the field, and nobody is added", async (_name, json, field) => {
    const count = await peopleCount();
    expectError(await api("POST", PEOPLE, { auth: asAdmin, json }), 400, "invalid_request", field);
    expect(await peopleCount()).toBe(count);
  });

  test("a non-admin: 403, whatever the body, and nobody is added", async () => {
    const count = await peopleCount();
    const auth = bearer(nonAdmin.token);
    const json = { email: uniqueEmail("by-non-admin"), name: "X", password: "password-1", isAdmin: true };
    expectError(await api("POST", PEOPLE, { auth, json }), 403, "forbidden");
    expectError(await api("POST", PEOPLE, { auth, json: { email: "nope" } }), 403, "forbidden");
    expect(await peopleCount()).toBe(count);
  });
});

describe("PATCH /v4/people/:id", () => {
  test("admin changes name and flags; the response is the updated Person", async () => {
    const user = await createPerson({}, "patched");
    const patched = await api<Person>("PATCH", `${PEOPLE}/${user.person.id}`, {
      auth: asAdmin,
      json: { name: "Renamed", canGenerateApiAccessTokens: true },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(expectPerson(patched.body)).toEqual({ ...user.person, name: "Renamed", canGenerateApiAccessTokens: true });
    // The flag takes effect: the person may now generate a token.
    await createToken({ basic: { email: user.email, password: user.password } });

    const disabled = await api<Person>("PATCH", `${PEOPLE}/${user.person.id}`, {
      auth: asAdmin,
      json: { isDisabled: true },
    });
    expect(disabled.body).toMatchObject({ isDisabled: true, name: "Renamed", canGenerateApiAccessTokens: true });
    const empty = await api<Person>("PATCH", `${PEOPLE}/${user.person.id}`, { auth: asAdmin, json: {} });
    expect(empty.body).toEqual(disabled.body);
  });

  test("an unknown id: 404", async () => {
    const response = await api("PATCH", `${PEOPLE}/no-such-person`, { auth: asAdmin, json: { name: "X" } });
    expectError(response, 404, "not_found");
  });

  test.each([
    ["isAdmin as a string", { isAdmin: "true" }, "isAdmin"],
    ["isDisabled as a number", { isDisabled: 1 }, "isDisabled"],
    ["canGenerateApiAccessTokens null", { canGenerateApiAccessTokens: null }, "canGenerateApiAccessTokens"],
    ["an empty name", { name: "" }, "name"],
    ["a name with a bidi override", { name: "evil\u202Etxt.exe" }, "name: must not contain invisible"],
    ["a name with a soft hyphen", { name: "Ada\u00ADLovelace" }, "name: must not contain invisible"],
    ["a name with a paragraph separator", { name: "A\u2029B" }, "name: must not contain line or paragraph"],
  ])("%s: 400 naming the field, and nothing changes", async (_name, json, field) => {
    const user = await createPerson({}, "bad-patch");
    const response = await api("PATCH", `${PEOPLE}/${user.person.id}`, { auth: asAdmin, json });
    expectError(response, 400, "invalid_request", field);
    const after = await api<Person>("GET", `${PEOPLE}/${user.person.id}`, { auth: asAdmin });
    expect(after.body).toEqual(user.person);
  });

  test("a non-admin: 403, also on themselves, and nothing changes", async () => {
    const auth = bearer(nonAdmin.token);
    const path = `${PEOPLE}/${nonAdmin.person.id}`;
    expectError(await api("PATCH", path, { auth, json: { isAdmin: true } }), 403, "forbidden");
    expectError(await api("PATCH", path, { auth, json: { isAdmin: "yes" } }), 403, "forbidden");
    const after = await api<Person>("GET", path, { auth: asAdmin });
    expect(after.body.isAdmin).toBe(false);
  });

  describe("the workspace keeps an enabled admin", () => {
    let me: Person;
    beforeAll(async () => {
      me = (await api<Person>("GET", "/v4/people/current", { auth: asAdmin })).body;
    });

    async function enabledAdmins(): Promise<string[]> {
      return (await allPeople()).filter((p) => p.isAdmin && !p.isDisabled).map((p) => p.id);
    }

    test("an admin cannot disable themselves: 409 naming isDisabled", async () => {
      const response = await api("PATCH", `${PEOPLE}/${me.id}`, { auth: asAdmin, json: { isDisabled: true } });
      expectError(response, 409, "conflict", "isDisabled");
      expect((await api("GET", "/v4/people/current", { auth: asAdmin })).status).toBe(200);
    });

    test("the last enabled admin cannot demote themselves (409), also when a disabled admin exists", async () => {
      const disabledAdmin = await createPerson({ isAdmin: true }, "disabled-admin");
      await updatePerson(disabledAdmin.person.id, { isDisabled: true });
      expect(await enabledAdmins()).toEqual([me.id]);

      const response = await api("PATCH", `${PEOPLE}/${me.id}`, { auth: asAdmin, json: { isAdmin: false } });
      expectError(response, 409, "conflict", "isAdmin");
      const after = await api<Person>("GET", "/v4/people/current", { auth: asAdmin });
      expect(after.body.isAdmin).toBe(true);
    });

    test("with another enabled admin, an admin may step down", async () => {
      const second = await createPerson({ isAdmin: true }, "stepping-down");
      const token = await createToken({ basic: { email: second.email, password: second.password } });
      const response = await api<Person>("PATCH", `${PEOPLE}/${second.person.id}`, {
        auth: bearer(token),
        json: { isAdmin: false },
      });
      expect(response.status, response.text).toBe(200);
      expect(response.body.isAdmin).toBe(false);
      expect(await enabledAdmins()).toEqual([me.id]);
    });
  });
});

describe("workspace settings", () => {
  const KEYS = ["apiAccessTokensEnabled", "maxUserTokenLifetimeDays", "usersCanGenerateApiAccessTokens"];

  test("GET as admin: the WorkspaceSettings, with their defaults", async () => {
    const response = await api<WorkspaceSettings>("GET", SETTINGS, { auth: asAdmin });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(KEYS);
    expect(response.body).toEqual({
      apiAccessTokensEnabled: true,
      usersCanGenerateApiAccessTokens: false,
      maxUserTokenLifetimeDays: 365,
    });
  });

  test("PATCH changes only the fields sent, and returns the whole settings", async () => {
    const before = await getSettings();
    try {
      const after = await patchSettings({ usersCanGenerateApiAccessTokens: true });
      expect(after).toEqual({ ...before, usersCanGenerateApiAccessTokens: true });
      expect(await getSettings()).toEqual(after);
      const longer = await patchSettings({ maxUserTokenLifetimeDays: MAX_LIFETIME_DAYS });
      expect(longer).toEqual({ ...after, maxUserTokenLifetimeDays: MAX_LIFETIME_DAYS });
    } finally {
      await patchSettings(before);
    }
    expect(await getSettings()).toEqual(before);
  });

  test("a non-admin: 403 for GET and PATCH, and nothing changes", async () => {
    const before = await getSettings();
    const auth = bearer(nonAdmin.token);
    expectError(await api("GET", SETTINGS, { auth }), 403, "forbidden");
    expectError(
      await api("PATCH", SETTINGS, { auth, json: { usersCanGenerateApiAccessTokens: true } }),
      403,
      "forbidden",
    );
    expectError(await api("PATCH", SETTINGS, { auth, json: { maxUserTokenLifetimeDays: "x" } }), 403, "forbidden");
    expect(await getSettings()).toEqual(before);
  });

  test.each([
    ["maxUserTokenLifetimeDays 0", { maxUserTokenLifetimeDays: 0 }, "maxUserTokenLifetimeDays"],
    ["maxUserTokenLifetimeDays -2", { maxUserTokenLifetimeDays: -2 }, "maxUserTokenLifetimeDays"],
    ["maxUserTokenLifetimeDays 1.5", { maxUserTokenLifetimeDays: 1.5 }, "maxUserTokenLifetimeDays"],
    ["maxUserTokenLifetimeDays as a string", { maxUserTokenLifetimeDays: "30" }, "maxUserTokenLifetimeDays"],
    ["maxUserTokenLifetimeDays null", { maxUserTokenLifetimeDays: null }, "maxUserTokenLifetimeDays"],
    ["maxUserTokenLifetimeDays huge", { maxUserTokenLifetimeDays: 1e9 }, "maxUserTokenLifetimeDays"],
    ["apiAccessTokensEnabled as a string", { apiAccessTokensEnabled: "false" }, "apiAccessTokensEnabled"],
    ["usersCanGenerateApiAccessTokens as 1", { usersCanGenerateApiAccessTokens: 1 }, "usersCanGenerateApiAccessTokens"],
    ["a body that is null", null, "body"],
  ])("%s: 400 naming the field, and nothing changes", async (_name, json, field) => {
    const before = await getSettings();
    const response = await api("PATCH", SETTINGS, {
      auth: asAdmin,
      body: JSON.stringify(json),
      headers: { "Content-Type": "application/json" },
    });
    expectError(response, 400, "invalid_request", field);
    expect(await getSettings()).toEqual(before);
  });
});
