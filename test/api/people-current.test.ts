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
  expectNoSecrets,
  expectPerson,
  expectUnauthorized,
  uniqueAddress,
  type Person,
  type UserWithToken,
} from "./support/client";
import { limits } from "./support/password-attempts";

const ME = "/v4/people/current";
const PASSWORD = "/v4/people/current/password";

describe("GET /v4/people/current", () => {
  test("returns the token owner's Person, and never a password or hash", async () => {
    const user = await createUserWithToken("me");
    const response = await api<Person>("GET", ME, { auth: bearer(user.token) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const person = expectPerson(response.body);
    expect(person).toEqual({
      ...user.person,
      email: user.email,
      isAdmin: false,
      isDisabled: false,
      canGenerateApiAccessTokens: true,
    });
    expect(new Date(person.createdAt).toISOString()).toBe(person.createdAt);
    expectNoSecrets(response.body);
    expect(response.text).not.toContain(user.password);
  });

  test("for the admin's token, the admin", async () => {
    const response = await api<Person>("GET", ME, { auth: bearer(await adminToken()) });
    expect(response.status).toBe(200);
    expect(expectPerson(response.body)).toMatchObject({ email: admin().email, isAdmin: true, isDisabled: false });
  });
});

describe("PUT /v4/people/current/password", () => {
  let user: UserWithToken;
  beforeAll(async () => {
    user = await createUserWithToken("password");
  });

  test.each([
    ["newPassword too short", { currentPassword: "whatever", newPassword: "short7!" }, "newPassword"],
    ["newPassword over 72 bytes", { currentPassword: "whatever", newPassword: "é".repeat(37) }, "newPassword"],
    ["newPassword missing", { currentPassword: "whatever" }, "newPassword"],
    ["newPassword not a string", { currentPassword: "whatever", newPassword: 12345678 }, "newPassword"],
    ["currentPassword missing", { newPassword: "long-enough-password" }, "currentPassword"],
    ["currentPassword empty", { currentPassword: "", newPassword: "long-enough-password" }, "currentPassword"],
  ])("%s: 400 naming the field", async (_name, json, field) => {
    expectError(await api("PUT", PASSWORD, { auth: bearer(user.token), json }), 400, "invalid_request", field);
  });

  test("a wrong current password: 400 naming currentPassword", async () => {
    const response = await api("PUT", PASSWORD, {
      auth: bearer(user.token),
      json: { currentPassword: `${user.password}-wrong`, newPassword: "a-new-password-123" },
      headers: { "X-Forwarded-For": uniqueAddress() },
    });
    expectError(response, 400, "invalid_request", "currentPassword");
  });

  test("wrong current passwords are throttled like wrong sign-ins: 429 with Retry-After, for the account", async () => {
    const guesser = await createUserWithToken("password-guesses");
    const from = uniqueAddress();
    const change = (currentPassword: string, address = from) =>
      api("PUT", PASSWORD, {
        auth: bearer(guesser.token),
        json: { currentPassword, newPassword: "a-new-password-123" },
        headers: { "X-Forwarded-For": address },
      });
    for (let i = 0; i < limits.passwordAccount.freeFailures; i++) {
      expectError(await change(`guess-${i}`), 400, "invalid_request", "currentPassword");
    }
    const blocked = await change("guess-again");
    expectError(blocked, 429, "too_many_attempts");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The block is the account's: from the guessing address the right password is refused too, and so is a
    // sign-in by Basic, before either is checked.
    expectError(await change(guesser.password), 429, "too_many_attempts");
    const signIn = await api("POST", "/v4/apiAccessTokens", {
      auth: { basic: { email: guesser.email, password: guesser.password } },
      json: { lifetimeSeconds: 60 },
      headers: { "X-Forwarded-For": from },
    });
    expectError(signIn, 429, "too_many_attempts");
    // Its owner, from an address that has not been guessing, is not locked out.
    expect((await change(guesser.password, uniqueAddress())).status).toBe(204);
  });

  test("a wrong content type: 415", async () => {
    const response = await api("PUT", PASSWORD, {
      auth: bearer(user.token),
      body: JSON.stringify({ currentPassword: user.password, newPassword: "a-new-password-123" }),
      headers: { "Content-Type": "text/plain" },
    });
    expectError(response, 415, "unsupported_media_type");
  });

  test("success: 204; Basic then takes the new password, not the old; existing tokens keep working", async () => {
    const newPassword = "a-brand-new-password-456";
    // The current password still being accepted here also shows that the refused attempts above changed nothing.
    const response = await api("PUT", PASSWORD, {
      auth: bearer(user.token),
      json: { currentPassword: user.password, newPassword },
    });
    expect(response.status, response.text).toBe(204);
    expect(response.text).toBe("");

    expect((await api("GET", ME, { auth: bearer(user.token) })).status).toBe(200);
    const withNew = await createToken({ basic: { email: user.email, password: newPassword } });
    expect(withNew.tokenInfo.status).toBe("active");
    const withOld = await api("POST", "/v4/apiAccessTokens", {
      auth: { basic: { email: user.email, password: user.password } },
      json: { lifetimeSeconds: 60 },
    });
    expectUnauthorized(withOld, "invalid_credentials");
    expect((await api("GET", ME, { auth: bearer(user.token) })).status).toBe(200);
  });

  test("Basic email:password is refused here, even when correct: the route takes tokens", async () => {
    const plain = await createPerson({}, "basic-password");
    const response = await api("PUT", PASSWORD, {
      auth: { basic: { email: plain.email, password: plain.password } },
      json: { currentPassword: plain.password, newPassword: "another-password-789" },
    });
    expectUnauthorized(response, "invalid_credentials");
  });
});
