// A server action is a public POST endpoint whose arguments are whatever JSON the caller sends. This file finds
// every action in the build's manifest and calls each one over HTTP as React does: hostile arguments in every
// position and every field (Prisma filters such as {"not": "x"}, arrays of real ids, numbers, booleans, null,
// missing and extra arguments) and bodies no page sends, signed out, as a member and as an admin. Nothing may
// answer 5xx, nothing in the database may change, and the answer must be a refusal: {ok: false} from the action,
// or a 4xx from proxy.ts for a malformed body. Then each action is called once as the UI calls it,
// through the same harness, and must work. A new action fails this file until it has a valid call below.
import { beforeAll, describe, expect, test } from "vitest";
import {
  adminSession,
  baseUrl,
  createPerson,
  createToken,
  createUserWithToken,
  getSettings,
  patchSettings,
  signIn,
  uniqueEmail,
  type CreatedToken,
  type TestUser,
  type UserWithToken,
  type WorkspaceSettings,
} from "./support/client";
import { query } from "./support/database";
import { hostileVariations, MALFORMED_BODIES } from "./support/hostile-arguments";
import { callAction, serverActions, type ActionResponse, type ServerAction } from "./support/server-actions";

type Who = "signed out" | "member" | "admin";

type Fixture = {
  member: TestUser & { cookie: string; tokens: [CreatedToken, CreatedToken] };
  /** Two more of the member's tokens, for Revoke selected. */
  revocable: [CreatedToken, CreatedToken];
  /** Someone else, with a token: a filter that escaped its owner's scope would reach it. */
  other: UserWithToken;
  /** A member whose password the valid call changes (so the member's own session stays as it was). */
  passwordChanger: TestUser & { cookie: string };
  /** A member whose sessions the valid call ends. */
  leaver: TestUser & { cookie: string };
  adminCookie: string;
  settings: WorkspaceSettings;
  /** Real person and token ids, for filters such as {"in": ids} and arrays such as [id]. */
  ids: string[];
};
let fixture: Fixture;
let actions: ServerAction[];

type ValidCall = {
  who: "member" | "admin";
  /** Another session than the member's or the admin's, for a call that changes its own caller. */
  cookie?: () => string;
  args: () => unknown[];
  /** The page's dynamic segments, for actions used only on a page such as /admin/people/[id]. */
  params?: () => Record<string, string>;
  /** Checks what the call did, given the data of its {ok: true} result. */
  check: (data: unknown) => Promise<void>;
};

const NEW_PASSWORD = "a-new-password-123";
const newPersonEmail = uniqueEmail("actions-created");

/** One call of each action that must work: the arguments the UI sends. */
const validCalls: Record<string, ValidCall> = {
  generateTokenAction: {
    who: "member",
    args: () => [{ lifetimeDays: "1", description: "made by a server action" }],
    check: async (data) => {
      const created = data as CreatedToken;
      expect(created).toMatchObject({
        tokenValue: expect.stringMatching(/^tsr_/),
        tokenInfo: { description: "made by a server action" },
      });
      const rows = await query('SELECT "userId" FROM "AccessToken" WHERE id = ?', [created.tokenInfo.tokenId]);
      expect(rows).toEqual([{ userId: fixture.member.person.id }]);
    },
  },
  deleteTokenAction: {
    who: "member",
    args: () => [fixture.member.tokens[0].tokenInfo.tokenId],
    check: async () => expect(await tokenExists(fixture.member.tokens[0])).toBe(false),
  },
  changePasswordAction: {
    who: "member",
    cookie: () => fixture.passwordChanger.cookie,
    args: () => [
      { currentPassword: fixture.passwordChanger.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    ],
    check: async () => {
      await signIn(fixture.passwordChanger.email, NEW_PASSWORD);
    },
  },
  createPersonAction: {
    who: "admin",
    args: () => [{ email: newPersonEmail, name: "Created by an action", password: "initial-password", isAdmin: false }],
    check: async () => {
      const rows = await query('SELECT name, "isAdmin" FROM "User" WHERE email = ?', [newPersonEmail]);
      expect(rows.map((row) => ({ ...row, isAdmin: Boolean(row.isAdmin) }))).toEqual([
        { name: "Created by an action", isAdmin: false },
      ]);
    },
  },
  updatePersonAction: {
    who: "admin",
    args: () => [fixture.member.person.id, { name: "Renamed by an action" }],
    check: async () => {
      const rows = await query('SELECT name FROM "User" WHERE id = ?', [fixture.member.person.id]);
      expect(rows).toEqual([{ name: "Renamed by an action" }]);
    },
  },
  deletePersonTokenAction: {
    who: "admin",
    args: () => [fixture.member.tokens[1].tokenInfo.tokenId],
    params: () => ({ id: fixture.member.person.id }),
    check: async () => expect(await tokenExists(fixture.member.tokens[1])).toBe(false),
  },
  revokeTokensAction: {
    who: "admin",
    args: () => [fixture.revocable.map((token) => token.tokenInfo.tokenId)],
    check: async (data) => {
      expect(data).toEqual({ revoked: 2 });
      for (const token of fixture.revocable) expect(await tokenExists(token)).toBe(false);
      const ids = fixture.revocable.map((token) => token.tokenInfo.tokenId);
      const events = await query(
        `SELECT "tokenId" FROM "audit_events" WHERE type = 'token.deleted' AND "tokenId" IN (?, ?) ORDER BY "tokenId"`,
        [...ids].sort(),
      );
      expect(events).toEqual([...ids].sort().map((tokenId) => ({ tokenId })));
    },
  },
  signOutEverywhereAction: {
    who: "member",
    cookie: () => fixture.leaver.cookie,
    args: () => [],
    check: async () => {
      const rows = await query('SELECT COUNT(*) AS n FROM "sessions" WHERE "userId" = ? AND "endedAt" IS NULL', [
        fixture.leaver.person.id,
      ]);
      expect(Number(rows[0].n)).toBe(0);
    },
  },
  setThemeAction: {
    who: "member",
    args: () => ["dark"],
    check: async () => {
      const rows = await query('SELECT "theme" FROM "User" WHERE id = ?', [fixture.member.person.id]);
      expect(rows).toEqual([{ theme: "dark" }]);
    },
  },
  saveSettingsAction: {
    who: "admin",
    args: () => [{ ...fixture.settings, maxUserTokenLifetimeDays: "364" }],
    check: async (data) => {
      expect(await getSettings()).toEqual({ ...fixture.settings, maxUserTokenLifetimeDays: 364 });
      expect(data).toEqual({
        changes: [expect.stringMatching(/^Maximum token lifetime changed from .* to 364 days$/)],
      });
    },
  },
};

async function tokenExists(token: CreatedToken): Promise<boolean> {
  const rows = await query('SELECT id FROM "AccessToken" WHERE id = ?', [token.tokenInfo.tokenId]);
  return rows.length === 1;
}

beforeAll(async () => {
  actions = serverActions();
  const member = await createPerson({ canGenerateApiAccessTokens: true }, "actions-member");
  const credentials = { basic: { email: member.email, password: member.password } };
  const tokens: [CreatedToken, CreatedToken] = [await createToken(credentials), await createToken(credentials)];
  const revocable: [CreatedToken, CreatedToken] = [await createToken(credentials), await createToken(credentials)];
  const other = await createUserWithToken("actions-other");
  const passwordChanger = await createPerson({}, "actions-password");
  const leaver = await createPerson({}, "actions-leaver");
  fixture = {
    member: { ...member, tokens, ...(await signIn(member.email, member.password)) },
    revocable,
    other,
    passwordChanger: { ...passwordChanger, ...(await signIn(passwordChanger.email, passwordChanger.password)) },
    leaver: { ...leaver, ...(await signIn(leaver.email, leaver.password)) },
    adminCookie: ((await adminSession()) as { cookie: string }).cookie,
    settings: await getSettings(),
    ids: [
      member.person.id,
      other.person.id,
      ...tokens.map((token) => token.tokenInfo.tokenId),
      other.token.tokenInfo.tokenId,
    ],
  };
});

const TABLES = ["Workspace", "User", "AccessToken", "audit_events", "sessions"];

/** Every row of the tables an action may write. lastUsedAt is left out: earlier files' token uses flush into it. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const all = await query(`SELECT * FROM "${table}" ORDER BY id`);
    rows[table] = all.map(({ lastUsedAt, ...row }) => (void lastUsedAt, row));
  }
  return rows;
}

function cookieOf(who: Who): string | undefined {
  if (who === "member") return fixture.member.cookie;
  if (who === "admin") return fixture.adminCookie;
  return undefined;
}

function call(
  action: ServerAction,
  args: unknown[] | string,
  who: Who,
  headers: Record<string, string> = { Origin: baseUrl() },
) {
  const params = validCalls[action.name]?.params?.();
  return callAction(action, args, { cookie: cookieOf(who), headers, params });
}

/** A refusal: never a 5xx; signed out, the redirect to the sign-in page; else {ok: false, fieldErrors, message?}. */
function expectRefused(response: ActionResponse, who: Who, label: string): void {
  expect(response.status, `${label}: ${response.text.slice(0, 300)}`).toBe(200);
  if (who === "signed out") expect(response.redirect, label).toBe("/login");
  else expectFailure(response.result, label);
}

function expectFailure(result: unknown, label: string): void {
  expect(result, label).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
  const { ok, fieldErrors, message, ...rest } = result as { ok: false; fieldErrors: object; message?: unknown };
  expect([ok, rest], label).toEqual([false, {}]);
  for (const text of [...Object.values(fieldErrors), ...(message === undefined ? [] : [message])]) {
    expect(typeof text, label).toBe("string");
  }
}

describe("every server action refuses what it does not expect", () => {
  test("every action in the build has a valid call in this file", () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.map((action) => action.name).sort()).toEqual(Object.keys(validCalls).sort());
  });

  test.each(["signed out", "member", "admin"] as const)(
    "called %s with hostile arguments: no 5xx, nothing changes, a refusal",
    async (who) => {
      for (const action of actions) {
        const before = await snapshot();
        for (const { label, args } of hostileVariations(validCalls[action.name].args(), fixture.ids)) {
          expectRefused(await call(action, args, who), who, `${action.name} ${who}, ${label}`);
        }
        for (const [label, body, contentType] of MALFORMED_BODIES) {
          const response = await call(action, body, who, { Origin: baseUrl(), "Content-Type": contentType });
          expect(response.status, `${action.name} ${who}, ${label}: ${response.text.slice(0, 300)}`).toBeOneOf([
            400, 415,
          ]);
        }
        expect(await snapshot(), `${action.name} called ${who} changed the database`).toEqual(before);
      }
    },
  );

  test("valid arguments without a session, or without the admin role for an admin action: refused, nothing changes", async () => {
    const before = await snapshot();
    for (const action of actions) {
      const valid = validCalls[action.name];
      expectRefused(await call(action, valid.args(), "signed out"), "signed out", `${action.name} signed out`);
      if (valid.who === "admin") {
        const response = await call(action, valid.args(), "member");
        expectRefused(response, "member", `${action.name} as a member`);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("each server action works when called as the UI calls it", () => {
  test.each(Object.keys(validCalls))("%s", async (name) => {
    const action = actions.find((candidate) => candidate.name === name);
    if (!action) throw new Error(`${name} is not in the build`);
    const valid = validCalls[name];
    try {
      const response = await callAction(action, valid.args(), {
        cookie: valid.cookie?.() ?? cookieOf(valid.who),
        headers: { Origin: baseUrl() },
        params: valid.params?.(),
      });
      expect(response.status, response.text.slice(0, 300)).toBe(200);
      expect(response.result).toMatchObject({ ok: true });
      await valid.check((response.result as { data: unknown }).data);
    } finally {
      await patchSettings(fixture.settings, await adminSession());
    }
  });
});
