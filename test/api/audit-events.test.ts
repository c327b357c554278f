// The audit trail: each security-relevant action writes its event with the actor, how they authenticated,
// the client's address and user agent, and the target; GET /v4/auditEvents filters and pages them; the
// table never holds a token value or a password. Each test calls from its own made-up addresses.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  admin,
  adminSession,
  adminToken,
  api,
  bearer,
  createUserWithToken,
  expectError,
  getSettings,
  patchSettings,
  type AuditEvent,
  type Auth,
  type CreatedToken,
  type List,
  type UserWithToken,
  uniqueAddress,
} from "./support/client";
import { query } from "./support/database";

let asAdmin: Auth;
let adminId: string;
const secrets: string[] = [];

beforeAll(async () => {
  asAdmin = bearer(await adminToken());
  adminId = (await api<{ id: string }>("GET", "/v4/people/current", { auth: asAdmin })).body.id;
});

function client(userAgent = `audit-test/${randomInt(1, 1_000_000)}`) {
  const from = uniqueAddress();
  return { from, userAgent, headers: { "X-Forwarded-For": from, "User-Agent": userAgent } };
}

async function events(search: string, auth: Auth = asAdmin): Promise<List<AuditEvent>> {
  const response = await api<List<AuditEvent>>("GET", `/v4/auditEvents?${search}`, { auth });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function only(search: string, auth: Auth = asAdmin): Promise<AuditEvent> {
  const { data, count } = await events(search, auth);
  expect(count, JSON.stringify(data)).toBe(1);
  return data[0];
}

async function user(label: string): Promise<UserWithToken> {
  const created = await createUserWithToken(label);
  secrets.push(created.password, created.token.tokenValue);
  return created;
}

async function tokenOf(auth: Auth, headers: Record<string, string>): Promise<CreatedToken> {
  const response = await api<CreatedToken>("POST", "/v4/apiAccessTokens", {
    auth,
    headers,
    json: { lifetimeSeconds: 3600, description: "audited" },
  });
  expect(response.status, response.text).toBe(201);
  secrets.push(response.body.tokenValue);
  return response.body;
}

describe("token events", () => {
  it("token.created with a password: the actor, method, address, user agent and lifetime", async () => {
    const person = await user("audit-password");
    const at = client();
    const token = await tokenOf({ basic: { email: person.email, password: person.password } }, at.headers);
    const event = await only(`tokenId=${token.tokenInfo.tokenId}&type=token.created`);
    expect(event).toMatchObject({
      type: "token.created",
      actor: { personId: person.person.id, email: person.email, method: "password", tokenId: null },
      person: { id: person.person.id, email: person.email },
      tokenId: token.tokenInfo.tokenId,
      clientAddress: at.from,
      userAgent: at.userAgent,
      details: { method: "password", lifetimeSeconds: 3600, expiresAt: token.tokenInfo.expiredAt },
    });
    expect(Math.abs(Date.parse(event.occurredAt) - Date.parse(token.tokenInfo.createdAt))).toBeLessThan(1000);
  });

  it("token.created with a token names the token that authenticated; with a session, the session", async () => {
    const person = await user("audit-by-token");
    const at = client();
    const token = await tokenOf(bearer(person.token), at.headers);
    const byToken = await only(`tokenId=${token.tokenInfo.tokenId}&type=token.created`);
    expect(byToken.actor).toEqual({
      personId: person.person.id,
      email: person.email,
      method: "token",
      tokenId: person.token.tokenInfo.tokenId,
    });
    expect(byToken.details).toMatchObject({ method: "token", parentTokenId: person.token.tokenInfo.tokenId });
    // Asking by the first token's id finds what was done with it too.
    const withFirst = await events(`tokenId=${person.token.tokenInfo.tokenId}&type=token.created`);
    expect(withFirst.data.map((e) => e.tokenId)).toContain(token.tokenInfo.tokenId);

    const session = await api<CreatedToken>("POST", "/v4/apiAccessTokens", {
      auth: await adminSession(),
      headers: at.headers,
      json: { lifetimeSeconds: 60 },
    });
    expect(session.status, session.text).toBe(201);
    secrets.push(session.body.tokenValue);
    const bySession = await only(`tokenId=${session.body.tokenInfo.tokenId}`);
    expect(bySession.actor).toMatchObject({ personId: adminId, method: "session", tokenId: null });
  });

  it("token.first_used once, then token.used_from_new_address for each new address, and nothing for known ones", async () => {
    const person = await user("audit-use");
    const token = await tokenOf(bearer(person.token), client().headers);
    const first = client("script/1.0");
    const second = client("script/2.0");
    const use = (headers: Record<string, string>) => api("GET", "/v4/people/current", { auth: bearer(token), headers });
    for (const headers of [first.headers, first.headers, second.headers, first.headers, second.headers]) {
      expect((await use(headers)).status).toBe(200);
    }
    const types = "type=token.first_used,token.used_from_new_address";
    const { data } = await events(`tokenId=${token.tokenInfo.tokenId}&${types}`);
    expect(data.map((e) => [e.type, e.clientAddress, e.userAgent])).toEqual([
      ["token.used_from_new_address", second.from, "script/2.0"],
      ["token.first_used", first.from, "script/1.0"],
    ]);
    expect(data[0]).toMatchObject({
      actor: { personId: person.person.id, method: "token", tokenId: token.tokenInfo.tokenId },
      person: { id: person.person.id },
    });
  });

  it("token.deleted names who deleted it (the owner or an admin) and whose it was", async () => {
    const person = await user("audit-delete");
    const mine = await tokenOf(bearer(person.token), client().headers);
    const theirs = await tokenOf(bearer(person.token), client().headers);
    const byOwner = client();
    const byAdmin = client();
    const ownDelete = await api("DELETE", `/v4/apiAccessTokens/${mine.tokenInfo.tokenId}`, {
      auth: bearer(person.token),
      headers: byOwner.headers,
    });
    expect(ownDelete.status).toBe(204);
    const adminDelete = await api("DELETE", `/v4/apiAccessTokens/${theirs.tokenInfo.tokenId}`, {
      auth: asAdmin,
      headers: byAdmin.headers,
    });
    expect(adminDelete.status).toBe(204);

    expect(await only(`tokenId=${mine.tokenInfo.tokenId}&type=token.deleted`)).toMatchObject({
      actor: { personId: person.person.id, method: "token", tokenId: person.token.tokenInfo.tokenId },
      person: { id: person.person.id },
      clientAddress: byOwner.from,
      userAgent: byOwner.userAgent,
      details: { byOwner: true },
    });
    expect(await only(`tokenId=${theirs.tokenInfo.tokenId}&type=token.deleted`)).toMatchObject({
      actor: { personId: adminId, method: "token" },
      person: { id: person.person.id },
      clientAddress: byAdmin.from,
      details: { byOwner: false },
    });
    // A delete that found nothing wrote nothing.
    const again = await api("DELETE", `/v4/apiAccessTokens/${theirs.tokenInfo.tokenId}`, { auth: asAdmin });
    expect(again.status).toBe(404);
    expect((await events(`tokenId=${theirs.tokenInfo.tokenId}&type=token.deleted`)).count).toBe(1);
  });

  it("token.revoked: anonymous, with the address and the owner; a value that revokes nothing writes nothing", async () => {
    const person = await user("audit-revoke");
    const leaked = await tokenOf(bearer(person.token), client().headers);
    const finder = client("secret-scanner/3");
    const revoke = (tokenValue: string) =>
      api("POST", "/v4/apiAccessTokens/revoke", { json: { tokenValue }, headers: finder.headers });
    expect((await revoke(leaked.tokenValue)).status).toBe(202);
    expect((await revoke(leaked.tokenValue)).status).toBe(202);
    expect(await only(`tokenId=${leaked.tokenInfo.tokenId}&type=token.revoked`)).toMatchObject({
      actor: { personId: null, email: null, method: "anonymous", tokenId: null },
      person: { id: person.person.id },
      clientAddress: finder.from,
      userAgent: "secret-scanner/3",
    });
  });
});

describe("admin events", () => {
  it("settings.changed records the changed settings before and after, and who changed them", async () => {
    const before = await getSettings();
    const at = client();
    const changed = before.maxUserTokenLifetimeDays === 300 ? 301 : 300;
    const response = await api("PATCH", "/v4/workspaces/current/settings", {
      auth: asAdmin,
      headers: at.headers,
      json: { maxUserTokenLifetimeDays: changed },
    });
    expect(response.status).toBe(200);
    await patchSettings(before, await adminSession());
    const { data } = await events("type=settings.changed&limit=2");
    const [restore, change] = data;
    expect(change).toMatchObject({
      actor: { personId: adminId, method: "token" },
      clientAddress: at.from,
      userAgent: at.userAgent,
      details: {
        before: { maxUserTokenLifetimeDays: before.maxUserTokenLifetimeDays },
        after: { maxUserTokenLifetimeDays: changed },
      },
    });
    expect(restore.actor.method).toBe("session");
    expect(restore.details).toEqual({
      before: { maxUserTokenLifetimeDays: changed },
      after: { maxUserTokenLifetimeDays: before.maxUserTokenLifetimeDays },
    });
  });

  it("person.created and person.changed (before and after); a refused change writes nothing", async () => {
    const at = client();
    const email = `audit-person-${randomInt(1, 1e9)}@example.test`;
    const password = `audit-person-password-${randomInt(1, 1e9)}`;
    secrets.push(password);
    const created = await api<{ id: string }>("POST", "/v4/people", {
      auth: asAdmin,
      headers: at.headers,
      json: { email, name: "Audited", password },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(await only(`personId=${id}&type=person.created`)).toMatchObject({
      actor: { personId: adminId },
      person: { id, email },
      clientAddress: at.from,
      details: { email, name: "Audited", isAdmin: false },
    });

    const patched = await api("PATCH", `/v4/people/${id}`, {
      auth: asAdmin,
      headers: at.headers,
      json: { canGenerateApiAccessTokens: true, name: "Audited" },
    });
    expect(patched.status).toBe(200);
    expect((await only(`personId=${id}&type=person.changed`)).details).toEqual({
      before: { canGenerateApiAccessTokens: false },
      after: { canGenerateApiAccessTokens: true },
    });

    const refused = await api("PATCH", `/v4/people/${adminId}`, { auth: asAdmin, json: { isDisabled: true } });
    expect(refused.status).toBe(409);
    // personId also matches what the admin did to others: look for events about the admin themselves.
    const since = new Date(Date.now() - 5000).toISOString();
    const adminChanges = await events(`personId=${adminId}&type=person.changed&since=${since}`);
    expect(adminChanges.data.filter((e) => e.person?.id === adminId)).toEqual([]);
  });

  it("person.password_changed, without the password", async () => {
    const person = await user("audit-password-change");
    const at = client();
    const newPassword = `${person.password}-new`;
    secrets.push(newPassword);
    const response = await api("PUT", "/v4/people/current/password", {
      auth: bearer(person.token),
      headers: at.headers,
      json: { currentPassword: person.password, newPassword },
    });
    expect(response.status).toBe(204);
    expect(await only(`personId=${person.person.id}&type=person.password_changed`)).toMatchObject({
      actor: { personId: person.person.id, method: "token" },
      person: { id: person.person.id },
      clientAddress: at.from,
      details: {},
    });
  });
});

describe("failed-authentication bursts", () => {
  it("auth.throttled when an account gets blocked, naming the account but never the passwords", async () => {
    const person = await user("audit-burst");
    const attacker = client("guesser/1");
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i++) {
      const guess = `wrong-guess-${i}-${randomInt(1, 1e9)}`;
      secrets.push(guess);
      const response = await api("POST", "/v4/apiAccessTokens", {
        auth: { basic: { email: person.email, password: guess } },
        headers: attacker.headers,
        json: { lifetimeSeconds: 60 },
      });
      status = response.status;
    }
    expect(status).toBe(429);
    expect(await only(`personId=${person.person.id}&type=auth.throttled`)).toMatchObject({
      actor: { personId: null, method: "anonymous" },
      person: { id: person.person.id, email: person.email },
      clientAddress: attacker.from,
      userAgent: "guesser/1",
      details: { dimension: "password-account", keyKind: "account", account: person.email },
    });
    // The person sees it among their own events.
    const own = await events("type=auth.throttled", bearer(person.token));
    expect(own.data.map((e) => e.details.dimension)).toEqual(["password-account"]);
  });

  it("auth.throttled when an address gets blocked for invalid tokens", async () => {
    const attacker = client("token-guesser/1");
    let status = 0;
    for (let i = 0; i < 60 && status !== 429; i++) {
      const response = await api("GET", "/v4/people/current", {
        auth: { bearer: `tsr_guess${i}` },
        headers: attacker.headers,
      });
      status = response.status;
    }
    expect(status).toBe(429);
    const { data } = await events("type=auth.throttled&limit=20");
    const event = data.find((e) => e.clientAddress === attacker.from);
    expect(event).toMatchObject({
      actor: { personId: null, method: "anonymous" },
      person: null,
      userAgent: "token-guesser/1",
      details: { dimension: "token-address", keyKind: "address" },
    });
  });
});

describe("GET /v4/auditEvents", () => {
  it("pages newest first, with the total count, and filters by type, person and time", async () => {
    const person = await user("audit-paging");
    for (let i = 0; i < 4; i++) await tokenOf(bearer(person.token), client().headers);
    const all = await events(`personId=${person.person.id}&type=token.created`);
    expect(all.count).toBe(5);
    const times = all.data.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const first = await events(`personId=${person.person.id}&type=token.created&limit=2`);
    const second = await events(`personId=${person.person.id}&type=token.created&limit=2&offset=2`);
    expect(first.count).toBe(5);
    expect([...first.data, ...second.data].map((e) => e.id)).toEqual(all.data.slice(0, 4).map((e) => e.id));

    const several = await events(`personId=${person.person.id}&type=token.created&type=person.changed`);
    expect(new Set(several.data.map((e) => e.type))).toEqual(new Set(["token.created", "person.changed"]));
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await events(`personId=${person.person.id}&since=${future}`)).count).toBe(0);
    expect((await events(`personId=${person.person.id}&until=2000-01-01`)).count).toBe(0);
  });

  it("shows a person only the events about themselves, and refuses them anyone else's", async () => {
    const person = await user("audit-own");
    await api("DELETE", `/v4/apiAccessTokens/${(await tokenOf(bearer(person.token), {})).tokenInfo.tokenId}`, {
      auth: asAdmin,
    });
    const own = await events("limit=100", bearer(person.token));
    expect(own.count).toBeGreaterThanOrEqual(4); // created (person), changed (token access), tokens created, deleted
    for (const event of own.data) expect(event.person?.id).toBe(person.person.id);
    expect(own.data.map((e) => e.type)).toContain("token.deleted");
    expect((await events(`personId=${person.person.id}`, bearer(person.token))).count).toBe(own.count);
    const other = await api("GET", `/v4/auditEvents?personId=${adminId}`, { auth: bearer(person.token) });
    expectError(other, 403, "forbidden");
  });

  it("shows a person who acted on them and what happened, but not the address, user agent or token of others", async () => {
    const person = await user("audit-footprint");
    const own = client("member-script/1");
    const mine = await tokenOf(bearer(person.token), own.headers);
    const byAdmin = client("admin-browser/1");
    const renamed = await api("PATCH", `/v4/people/${person.person.id}`, {
      auth: asAdmin,
      headers: byAdmin.headers,
      json: { name: "Renamed by an admin" },
    });
    expect(renamed.status).toBe(200);
    const deleted = await api("DELETE", `/v4/apiAccessTokens/${mine.tokenInfo.tokenId}`, {
      auth: asAdmin,
      headers: byAdmin.headers,
    });
    expect(deleted.status).toBe(204);
    const leaked = await tokenOf(bearer(person.token), own.headers);
    const finder = client("secret-scanner/9");
    const revoke = { json: { tokenValue: leaked.tokenValue }, headers: finder.headers };
    expect((await api("POST", "/v4/apiAccessTokens/revoke", revoke)).status).toBe(202);

    const adminTokenId = (await adminToken()).slice(4, 20);
    const hidden = { clientAddress: null, userAgent: null };
    const seen = (await events("limit=100", bearer(person.token))).data;
    const about = (type: string) => seen.find((e) => e.type === type);
    const renaming = (list: AuditEvent[]) =>
      list.find((e) => e.type === "person.changed" && "name" in Object(e.details.after));
    expect(renaming(seen)).toMatchObject({
      ...hidden,
      actor: { personId: adminId, email: admin().email, method: "token", tokenId: null },
      details: { after: { name: "Renamed by an admin" } },
    });
    expect(about("token.deleted")).toMatchObject({
      ...hidden,
      actor: { personId: adminId, tokenId: null },
      tokenId: mine.tokenInfo.tokenId,
    });
    expect(about("token.revoked")).toMatchObject({ ...hidden, actor: { personId: null, method: "anonymous" } });
    // What the person did themselves keeps its details.
    const created = seen.filter((e) => e.type === "token.created" && e.tokenId === mine.tokenInfo.tokenId);
    expect(created).toMatchObject([
      { clientAddress: own.from, userAgent: own.userAgent, actor: { tokenId: person.token.tokenInfo.tokenId } },
    ]);
    // Nor can they find the admin's token by filtering for it.
    expect((await events(`tokenId=${adminTokenId}`, bearer(person.token))).count).toBe(0);

    // An admin sees everything.
    const changes = await events(`personId=${person.person.id}&type=person.changed`);
    expect(renaming(changes.data)).toMatchObject({
      clientAddress: byAdmin.from,
      userAgent: byAdmin.userAgent,
      actor: { personId: adminId, tokenId: adminTokenId },
    });
    expect(await only(`tokenId=${leaked.tokenInfo.tokenId}&type=token.revoked`)).toMatchObject({
      clientAddress: finder.from,
      userAgent: "secret-scanner/9",
    });
  });

  it("answers 400 naming the bad filter, 401 without credentials and 405 to other methods", async () => {
    for (const [search, field] of [
      ["type=token.stolen", "type"],
      ["tokenId=nope", "tokenId"],
      ["since=last-week", "since"],
      ["until=2026-99-99", "until"],
      ["limit=0", "limit"],
      ["offset=-1", "offset"],
    ]) {
      expectError(await api("GET", `/v4/auditEvents?${search}`, { auth: asAdmin }), 400, "invalid_request", field);
    }
    expectError(await api("GET", "/v4/auditEvents"), 401, "missing_credentials");
    const post = await api("POST", "/v4/auditEvents", { auth: asAdmin, json: {} });
    expectError(post, 405, "method_not_allowed");
    expect(post.headers.get("allow")).toBe("GET");
  });
});

describe("what is stored", () => {
  it("no audit row or token address holds a token value, a token's secret or a password", async () => {
    secrets.push(admin().password, await adminToken());
    const rows = [
      ...(await query('SELECT * FROM "audit_events"')),
      ...(await query('SELECT * FROM "token_addresses"')),
    ];
    expect(rows.length).toBeGreaterThan(10);
    const text = rows.map((row) => Object.values(row).map(String).join("\u0000")).join("\n");
    for (const secret of secrets) {
      expect(text.includes(secret), `a secret of length ${secret.length} is stored`).toBe(false);
      if (secret.startsWith("tsr_")) expect(text.includes(secret.slice(21, 64))).toBe(false);
    }
    expect(text).not.toMatch(/tsr_[0-9A-Za-z]{16}_/);
  });
});
