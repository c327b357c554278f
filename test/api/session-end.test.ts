// A session that ends stays ended. Each test copies the cookie string (as a thief would), acts in the real
// session (sign out, change the password, get disabled or demoted), then replays the copy: the next request
// with it is refused, by the REST API, the pages, server actions and next-auth's GET /api/auth/session.
import { describe, expect, test } from "vitest";
import {
  adminToken,
  api,
  baseUrl,
  bearer,
  createPerson,
  createUserWithToken,
  expectError,
  sessionCookieOf,
  signIn,
  signOut,
  updatePerson,
  type ApiResponse,
  type Auth,
  type List,
  type Session,
} from "./support/client";
import { callAction, serverActions } from "./support/server-actions";

const ME = "/v4/people/current";

const whoAmI = (session: Session) => api("GET", ME, { auth: session });

/** next-auth's GET /api/auth/session: it issues the cookie again, with a new idle expiry, for a live session. */
const renew = (session: Session) =>
  api<{ user?: { id?: string } }>("GET", "/api/auth/session", { headers: { Cookie: session.cookie } });

function expectRefused(response: ApiResponse): void {
  expectError(response, 401, "missing_credentials");
}

/** An ended session is not renewed: next-auth answers {} and clears the cookie. */
async function expectNotRenewed(session: Session): Promise<void> {
  const renewed = await renew(session);
  expect(renewed.status).toBe(200);
  expect(renewed.body).toEqual({});
  expect(sessionCookieOf(renewed.headers)).toBe("");
}

type SessionsEnded = { actor: { personId: string; method: string }; details: { reason: string; count: number } };

async function sessionsEndedEvents(personId: string): Promise<SessionsEnded[]> {
  const response = await api<List<SessionsEnded>>(
    "GET",
    `/v4/auditEvents?personId=${personId}&type=person.sessions_ended`,
    { auth: bearer(await adminToken()) },
  );
  expect(response.status, response.text).toBe(200);
  return response.body.data;
}

test("GET /api/auth/session renews a live session", async () => {
  const { person, email, password } = await createPerson({}, "renewed");
  const session = await signIn(email, password);
  const renewed = await renew(session);
  expect(renewed.status).toBe(200);
  expect(renewed.body.user?.id).toBe(person.id);
  expect(sessionCookieOf(renewed.headers)).toMatch(/^[\w.-]{100,}$/);
});

describe("signing out", () => {
  test("ends the session: a copy of its cookie is refused everywhere", async () => {
    const { email, password } = await createPerson({}, "sign-out");
    const session = await signIn(email, password);
    const copy = { ...session };
    const other = await signIn(email, password);
    expect((await whoAmI(copy)).status).toBe(200);

    await signOut(session);
    expectRefused(await whoAmI(copy));
    await expectNotRenewed(copy);
    const page = await api("GET", "/preferences/profile", { headers: { Cookie: copy.cookie } });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login$/);
    // Only that session: the person's other one goes on.
    expect((await whoAmI(other)).status).toBe(200);
  });
});

describe("a password change", () => {
  const change = (auth: Auth, currentPassword: string) =>
    api("PUT", "/v4/people/current/password", {
      auth,
      json: { currentPassword, newPassword: `${currentPassword}-changed` },
    });

  test("made with a session ends every other session of the person; that one goes on", async () => {
    const { person, email, password } = await createPerson({}, "password-by-session");
    const current = await signIn(email, password);
    const others = [await signIn(email, password), await signIn(email, password)];

    const response = await change(current, password);
    expect(response.status, response.text).toBe(204);
    expect((await whoAmI(current)).status).toBe(200);
    for (const other of others) {
      expectRefused(await whoAmI(other));
      await expectNotRenewed(other);
    }
    expect((await renew(current)).body.user?.id).toBe(person.id);
    expect(await sessionsEndedEvents(person.id)).toMatchObject([
      { actor: { personId: person.id, method: "session" }, details: { reason: "password_changed", count: 2 } },
    ]);
  });

  test("made with a token ends every session of the person", async () => {
    const { person, email, password, token } = await createUserWithToken("password-by-token");
    const session = await signIn(email, password);

    const response = await change(bearer(token), password);
    expect(response.status, response.text).toBe(204);
    expectRefused(await whoAmI(session));
    expect(await sessionsEndedEvents(person.id)).toMatchObject([
      { actor: { personId: person.id, method: "token" }, details: { reason: "password_changed", count: 1 } },
    ]);
  });
});

test("disabling a person ends every session, and enabling them again brings none back", async () => {
  const { person, email, password } = await createPerson({}, "disabled");
  const session = await signIn(email, password);
  expect((await whoAmI(session)).status).toBe(200);

  await updatePerson(person.id, { isDisabled: true });
  expectRefused(await whoAmI(session));
  await updatePerson(person.id, { isDisabled: false });
  expectRefused(await whoAmI(session));
  await expectNotRenewed(session);

  expect((await whoAmI(await signIn(email, password))).status).toBe(200);
  expect(await sessionsEndedEvents(person.id)).toMatchObject([{ details: { reason: "disabled", count: 1 } }]);
});

test("a demoted admin's session is refused by admin routes, pages and server actions on the next request", async () => {
  const { person, email, password } = await createPerson({ isAdmin: true }, "demoted");
  const session = await signIn(email, password);
  expect((await api("GET", "/v4/people", { auth: session })).status).toBe(200);
  expect((await api("GET", "/admin/people", { headers: { Cookie: session.cookie } })).status).toBe(200);

  await updatePerson(person.id, { isAdmin: false });
  expectError(await api("GET", "/v4/people", { auth: session }), 403, "forbidden");
  expectError(
    await api("PATCH", `/v4/people/${person.id}`, { auth: session, json: { isAdmin: true } }),
    403,
    "forbidden",
  );
  const page = await api("GET", "/admin/people", { headers: { Cookie: session.cookie } });
  expect(page.status).toBe(307);
  expect(page.headers.get("location")).toMatch(/\/$/);
  const action = await callAction(
    actionNamed("updatePersonAction"),
    [person.id, { isAdmin: true }],
    sameOrigin(session),
  );
  expect(action.result).toMatchObject({ ok: false, message: "Only workspace admins may do this" });
  const after = await api<{ isAdmin: boolean }>("GET", ME, { auth: session });
  expect(after.body.isAdmin).toBe(false);
});

test("Sign out everywhere ends every session of the person, the one it was clicked in too", async () => {
  const { person, email, password } = await createPerson({}, "everywhere");
  const sessions = [await signIn(email, password), await signIn(email, password)];
  const copy = { ...sessions[0] };

  const action = await callAction(actionNamed("signOutEverywhereAction"), [], sameOrigin(sessions[0]));
  expect(action.status).toBe(200);
  expect(action.result).toMatchObject({ ok: true });
  for (const session of [...sessions, copy]) {
    expectRefused(await whoAmI(session));
    await expectNotRenewed(session);
  }
  expect(await sessionsEndedEvents(person.id)).toMatchObject([
    { actor: { personId: person.id, method: "session" }, details: { reason: "signed_out_everywhere", count: 2 } },
  ]);
  expect((await whoAmI(await signIn(email, password))).status).toBe(200);
});

function actionNamed(name: string) {
  const action = serverActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no server action named ${name} in the build`);
  return action;
}

/** A call from the app's own page: the session's cookie and the app's Origin. */
function sameOrigin(session: { cookie: string }) {
  return { cookie: session.cookie, headers: { Origin: baseUrl() } };
}
