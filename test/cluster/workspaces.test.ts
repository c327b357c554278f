// Workspaces at their own host names (WORKSPACE_DOMAIN) on two instances, A and B, sharing one PostgreSQL
// database: tokens, passwords, sessions, deletions and usage belong to the workspace of the host they were made
// at, whichever instance answers; a rename or delete from the command line reaches both within the directory's
// cache time (lib/workspaces/directory.ts, 5 s). Node's fetch cannot set Host, so the instances trust a proxy
// (TRUST_PROXY=true) and the tests name the host in X-Forwarded-Host; the forward-auth check, which takes its
// workspace from Host, is asked with node:http.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { rateLimitConfig } from "@/lib/rate-limit/config";
import { cookiesOf } from "../support/credentials-form";
import { testPort } from "../support/ports";
import { TEST_ADMIN } from "../support/server";
import { workspaceCli as runCli } from "../support/workspace-cli";
import { basic, bearer, sql, startCluster, tokenIdOf, type Cluster, type Reply } from "./support";

const DOMAIN = "tessera.test";
const ACME_ADMIN = { email: "owner@acme.example", password: "acme-admin-password-1" };
const BETA_ADMIN = { email: "owner@beta.example", password: "beta-admin-password-1" };
// How long a rename or delete may take to reach every instance: the directory's 5 s, and a little.
const SETTLE_MS = 6_500;
const ENV = { WORKSPACE_DOMAIN: DOMAIN, TRUST_PROXY: "true", LAST_USED_INTERVAL_SECONDS: "1" };
const ACCOUNT_FAILURES = rateLimitConfig(parseEnv(ENV)).passwordAccount.freeFailures;

let cluster: Cluster;
let a: string;
let b: string;
let acmeAdminToken: string;
let betaAdminToken: string;

/** The host name of a workspace ("" is the bare domain: the default workspace). */
const hostOf = (workspace: string) => (workspace ? `${workspace}.${DOMAIN}` : DOMAIN);

type Options = { auth?: string; json?: unknown; headers?: Record<string, string> };

/** One request to an instance, for the workspace at this host name (as a trusted proxy forwards it). */
async function at(base: string, workspace: string, method: string, url: string, options: Options = {}): Promise<Reply> {
  const headers: Record<string, string> = { "X-Forwarded-Host": hostOf(workspace), ...options.headers };
  if (options.auth) headers.Authorization = options.auth;
  if (options.json !== undefined) headers["Content-Type"] = "application/json";
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const response = await fetch(`${base}${url}`, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  const isJson = /^application\/json/i.test(response.headers.get("content-type") ?? "");
  return { status: response.status, body: isJson && text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const whoAmI = (base: string, workspace: string, auth: string) =>
  at(base, workspace, "GET", "/v4/people/current", { auth });

async function createTokenAt(base: string, workspace: string, auth: string): Promise<string> {
  const reply = await at(base, workspace, "POST", "/v4/apiAccessTokens", { auth, json: { lifetimeSeconds: 3600 } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.tokenValue);
}

function expectCode(reply: Reply, status: number, code: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body.error).toMatchObject({ code });
}

/** GET /v4/auth/verify as a proxy asks it: Tessera's host in Host, the protected API's in X-Forwarded-Host. */
function verifyAt(
  base: string,
  workspace: string,
  token: string,
): Promise<{ status: number; email?: string; error?: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: "/v4/auth/verify",
        headers: {
          Host: `${hostOf(workspace)}:${url.port}`,
          "X-Forwarded-Host": "api.example.com",
          Authorization: bearer(token),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          const { "x-tessera-user-email": email, "tessera-error": error } = response.headers;
          resolve({
            status: response.statusCode ?? 0,
            ...(typeof email === "string" ? { email } : {}),
            ...(typeof error === "string" ? { error } : {}),
          });
        });
      },
    );
    request.on("error", reject);
    request.end();
  });
}

/** Signs in through next-auth's credentials callback at a workspace's host: the session cookie, or null. */
async function signInAt(base: string, workspace: string, email: string, password: string): Promise<string | null> {
  const host = { "X-Forwarded-Host": hostOf(workspace) };
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: host });
  expect(csrf.status).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...host,
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookiesOf(csrf.headers),
      Origin: `http://${hostOf(workspace)}`,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await response.arrayBuffer();
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .find(
      (cookie) => cookie.startsWith("next-auth.session-token=") && cookie.length > "next-auth.session-token=".length,
    );
  return session ?? null;
}

/** `npm run workspace -- ...` against the cluster's database, as the operator runs it. */
async function workspaceCli(...args: string[]): Promise<string> {
  return runCli(args, {
    DATABASE_URL: cluster.database.url,
    DATA_DIR: cluster.instances[0].dataDir,
    WORKSPACE_DOMAIN: DOMAIN,
  });
}

/** Polls `check` (every 200 ms) until it is true, and returns how long that took; fails after `within` ms. */
async function settles(check: () => Promise<boolean>, within = SETTLE_MS + 2_000): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > within) throw new Error(`did not settle within ${within} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Date.now() - start;
}

/** A person with this email at acme (made through A) and at beta (through B), with token access: their ids. */
async function personInBoth(
  email: string,
  passwords: Record<"acme" | "beta", string>,
): Promise<Record<"acme" | "beta", string>> {
  const ids = { acme: "", beta: "" };
  for (const [workspace, base, adminToken] of [
    ["acme", a, acmeAdminToken],
    ["beta", b, betaAdminToken],
  ] as const) {
    const person = await at(base, workspace, "POST", "/v4/people", {
      auth: bearer(adminToken),
      json: { email, name: `Same at ${workspace}`, password: passwords[workspace] },
    });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    ids[workspace] = String(person.body.id);
    const patch = await at(base, workspace, "PATCH", `/v4/people/${ids[workspace]}`, {
      auth: bearer(adminToken),
      json: { canGenerateApiAccessTokens: true },
    });
    expect(patch.status).toBe(200);
  }
  expect(ids.acme).not.toBe(ids.beta);
  return ids;
}

/** The audit trail as a workspace's admin reads it, through an instance. */
async function auditAt(base: string, workspace: string, adminToken: string, query: string) {
  const reply = await at(base, workspace, "GET", `/v4/auditEvents?${query}`, { auth: bearer(adminToken) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data as { type: string; tokenId: string | null; person: { id: string } | null }[];
}

beforeAll(async () => {
  // A short flush interval (LAST_USED_INTERVAL_SECONDS), so that usage counted at the other instance arrives quickly.
  cluster = await startCluster([testPort(3173), testPort(3174)], ENV);
  [a, b] = cluster.instances.map((instance) => instance.url);
  for (const [name, admin] of [
    ["acme", ACME_ADMIN],
    ["beta", BETA_ADMIN],
  ] as const) {
    const out = await workspaceCli("create", name, "--admin-email", admin.email, "--admin-password", admin.password);
    expect(out).toContain(`Created workspace ${name} (${name}.${DOMAIN})`);
  }
  acmeAdminToken = await createTokenAt(a, "acme", basic(ACME_ADMIN.email, ACME_ADMIN.password));
  betaAdminToken = await createTokenAt(b, "beta", basic(BETA_ADMIN.email, BETA_ADMIN.password));
});
afterAll(() => cluster?.stop());

describe("a token belongs to the workspace it was made at, on every instance", () => {
  test("acme's token made through A works at acme on B, and is a wrong token at beta's host on both", async () => {
    const token = await createTokenAt(a, "acme", basic(ACME_ADMIN.email, ACME_ADMIN.password));
    for (const base of [a, b]) {
      const me = await whoAmI(base, "acme", bearer(token));
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(ACME_ADMIN.email);
      // A route Next.js answers too, not only the fast path of "who am I".
      expect(
        (await at(base, "acme", "GET", `/v4/apiAccessTokens/${tokenIdOf(token)}`, { auth: bearer(token) })).status,
      ).toBe(200);
      expectCode(await whoAmI(base, "beta", bearer(token)), 401, "invalid_token");
      expectCode(
        await at(base, "beta", "GET", `/v4/apiAccessTokens/${tokenIdOf(token)}`, { auth: bearer(token) }),
        401,
        "invalid_token",
      );
      // Nor is it the default workspace's (the bare domain).
      expectCode(await whoAmI(base, "", bearer(token)), 401, "invalid_token");
    }
  });

  test("beta's token made through B works at beta on A, and is a wrong token at acme's host on both", async () => {
    const token = await createTokenAt(b, "beta", basic(BETA_ADMIN.email, BETA_ADMIN.password));
    for (const base of [a, b]) {
      const me = await whoAmI(base, "beta", bearer(token));
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(BETA_ADMIN.email);
      expectCode(await whoAmI(base, "acme", bearer(token)), 401, "invalid_token");
    }
  });

  test("the forward-auth check takes the workspace from Tessera's own host (Host), on both instances", async () => {
    for (const base of [a, b]) {
      expect(await verifyAt(base, "acme", acmeAdminToken)).toEqual({ status: 200, email: ACME_ADMIN.email });
      expect(await verifyAt(base, "beta", betaAdminToken)).toEqual({ status: 200, email: BETA_ADMIN.email });
      expect(await verifyAt(base, "beta", acmeAdminToken)).toEqual({ status: 401, error: "invalid_token" });
      expect(await verifyAt(base, "acme", betaAdminToken)).toEqual({ status: 401, error: "invalid_token" });
    }
  });

  test("the default workspace lives at the bare domain and default.<domain>; an unknown name is a 404", async () => {
    const token = await createTokenAt(a, "", basic(TEST_ADMIN.email, TEST_ADMIN.password));
    for (const base of [a, b]) {
      expect((await whoAmI(base, "", bearer(token))).body.email).toBe(TEST_ADMIN.email);
      expect((await whoAmI(base, "default", bearer(token))).body.email).toBe(TEST_ADMIN.email);
      expectCode(await whoAmI(base, "acme", bearer(token)), 401, "invalid_token");
      expectCode(await whoAmI(base, "nosuch", bearer(token)), 404, "workspace_not_found");
    }
    // The admins of acme and beta are nobody at the default workspace.
    const reply = await at(b, "", "POST", "/v4/apiAccessTokens", {
      auth: basic(ACME_ADMIN.email, ACME_ADMIN.password),
      json: { lifetimeSeconds: 3600 },
    });
    expectCode(reply, 401, "invalid_credentials");
  });
});

describe("the same email in two workspaces is two people with two passwords", () => {
  const email = `same-${randomBytes(4).toString("hex")}@example.test`;
  const passwords = { acme: "acme-person-password-1", beta: "beta-person-password-1" };
  let ids: Record<"acme" | "beta", string>;

  beforeAll(async () => {
    ids = await personInBoth(email, passwords);
  });

  test("each password makes a token only at its own workspace, on both instances", async () => {
    for (const base of [a, b]) {
      for (const [workspace, other] of [
        ["acme", "beta"],
        ["beta", "acme"],
      ] as const) {
        const token = await createTokenAt(base, workspace, basic(email, passwords[workspace]));
        const me = await whoAmI(base === a ? b : a, workspace, bearer(token));
        expect(me.body).toMatchObject({ id: ids[workspace], email });
        const wrong = await at(base, workspace, "POST", "/v4/apiAccessTokens", {
          auth: basic(email, passwords[other]),
          json: { lifetimeSeconds: 3600 },
        });
        expectCode(wrong, 401, "invalid_credentials");
      }
    }
  });

  test("a session signed in at acme through A is acme's person at acme on B, and nobody at beta", async () => {
    const cookie = await signInAt(a, "acme", email, passwords.acme);
    expect(cookie, "next-auth did not set a session cookie").not.toBeNull();
    const headers = { Cookie: cookie ?? "" };
    const acme = await at(b, "acme", "GET", "/v4/people/current", { headers });
    expect(acme.status).toBe(200);
    expect(acme.body.id).toBe(ids.acme);
    expect((await at(b, "beta", "GET", "/v4/people/current", { headers })).status).toBe(401);
    expect((await at(a, "beta", "GET", "/v4/people/current", { headers })).status).toBe(401);
    // acme's password signs nobody in at beta.
    expect(await signInAt(b, "beta", email, passwords.acme)).toBeNull();
    const beta = await signInAt(b, "beta", email, passwords.beta);
    expect(beta).not.toBeNull();
    expect((await at(a, "beta", "GET", "/v4/people/current", { headers: { Cookie: beta ?? "" } })).body.id).toBe(
      ids.beta,
    );
  });
});

describe("deleting a token", () => {
  test("acme's token deleted through A is refused by B at once; beta's tokens are unaffected", async () => {
    const acmeToken = await createTokenAt(a, "acme", bearer(acmeAdminToken));
    const betaToken = await createTokenAt(b, "beta", bearer(betaAdminToken));
    const path = `/v4/apiAccessTokens/${tokenIdOf(acmeToken)}`;
    expect((await whoAmI(b, "acme", bearer(acmeToken))).status).toBe(200);
    // beta's admin cannot delete it, at beta's host or (as a wrong token) at acme's.
    expectCode(await at(b, "beta", "DELETE", path, { auth: bearer(betaAdminToken) }), 404, "not_found");
    expectCode(await at(a, "acme", "DELETE", path, { auth: bearer(betaAdminToken) }), 401, "invalid_token");
    expect((await whoAmI(a, "acme", bearer(acmeToken))).status).toBe(200);

    expect((await at(a, "acme", "DELETE", path, { auth: bearer(acmeAdminToken) })).status).toBe(204);
    expectCode(await whoAmI(b, "acme", bearer(acmeToken)), 401, "invalid_token");
    expectCode(await at(b, "acme", "GET", path, { auth: bearer(acmeToken) }), 401, "invalid_token");
    expectCode(await at(b, "acme", "GET", path, { auth: bearer(acmeAdminToken) }), 404, "not_found");
    for (const base of [a, b]) {
      expect((await whoAmI(base, "beta", bearer(betaToken))).status).toBe(200);
      expect((await whoAmI(base, "beta", bearer(betaAdminToken))).status).toBe(200);
    }
    // The deletion is in acme's audit trail, read through either instance, and not in beta's.
    const query = `tokenId=${tokenIdOf(acmeToken)}`;
    for (const base of [a, b]) {
      expect((await auditAt(base, "acme", acmeAdminToken, query)).map((event) => event.type).sort()).toEqual([
        "token.created",
        "token.deleted",
        "token.first_used",
      ]);
      expect(await auditAt(base, "beta", betaAdminToken, query)).toEqual([]);
    }
  });

  test("acme's token revoked by its value at beta's host stays; at acme's host through A, B refuses it at once", async () => {
    const token = await createTokenAt(a, "acme", bearer(acmeAdminToken));
    const revoke = (base: string, workspace: string) =>
      at(base, workspace, "POST", "/v4/apiAccessTokens/revoke", { json: { tokenValue: token } });
    // The same answer either way (it tells nobody whether the value was a token), but only acme's host revokes it.
    expect((await revoke(a, "beta")).status).toBe(202);
    expect((await whoAmI(b, "acme", bearer(token))).status).toBe(200);
    expect((await revoke(a, "acme")).status).toBe(202);
    expectCode(await whoAmI(b, "acme", bearer(token)), 401, "invalid_token");
    const events = await auditAt(b, "acme", acmeAdminToken, `tokenId=${tokenIdOf(token)}&type=token.revoked`);
    expect(events).toHaveLength(1);
  });
});

describe("password throttles", () => {
  test("wrong passwords that block acme's account leave the same email at beta free, on both instances", async () => {
    const email = `guessed-${randomBytes(4).toString("hex")}@example.test`;
    const passwords = { acme: "acme-guessed-password-1", beta: "beta-guessed-password-1" };
    const ids = await personInBoth(email, passwords);
    const from = "198.51.100.77";
    const attempt = async (base: string, workspace: string, password: string) =>
      (
        await at(base, workspace, "POST", "/v4/apiAccessTokens", {
          auth: basic(email, password),
          json: { lifetimeSeconds: 3600 },
          headers: { "X-Forwarded-For": from },
        })
      ).status;
    const wrong: number[] = [];
    for (let i = 0; i < ACCOUNT_FAILURES; i++) wrong.push(await attempt(i % 2 ? a : b, "acme", `wrong-guess-${i}`));
    expect(wrong).toEqual(Array(ACCOUNT_FAILURES).fill(401));
    // acme's account is blocked now, at both instances, even for its right password from this address.
    for (const base of [a, b]) expect(await attempt(base, "acme", passwords.acme)).toBe(429);
    // beta's person with the same email is someone else: not blocked, from the same address, on either instance.
    for (const base of [a, b]) expect(await attempt(base, "beta", passwords.beta)).toBe(201);
    expect(await attempt(a, "beta", "wrong-guess-at-beta")).toBe(401);
    // The attack is acme's to see, not beta's.
    const underAttack = "type=auth.account_under_attack";
    expect((await auditAt(b, "acme", acmeAdminToken, underAttack)).map((event) => event.person?.id)).toEqual([
      ids.acme,
    ]);
    expect(await auditAt(a, "beta", betaAdminToken, underAttack)).toEqual([]);
  });
});

describe("token usage", () => {
  type Usage = {
    tokenId: string;
    totals: { accepted: number; refused: number };
    clients: { address: string; count: number }[];
  };
  const readUsage = async (base: string, tokenId: string): Promise<Usage> => {
    const reply = await at(base, "acme", "GET", `/v4/apiAccessTokens/${tokenId}/usage?days=2`, {
      auth: bearer(acmeAdminToken),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as unknown as Usage;
  };

  test("uses of acme's token at both instances sum exactly, and beta cannot read them", async () => {
    const token = await createTokenAt(a, "acme", bearer(acmeAdminToken));
    const tokenId = tokenIdOf(token);
    const uses = (base: string, workspace: string, address: string, n: number) =>
      Promise.all(
        Array.from({ length: n }, () =>
          at(base, workspace, "GET", "/v4/people/current", {
            auth: bearer(token),
            headers: { "X-Forwarded-For": address, "User-Agent": "workspace-usage/1" },
          }),
        ),
      );
    const accepted = [...(await uses(a, "acme", "198.51.100.41", 7)), ...(await uses(b, "acme", "198.51.100.42", 5))];
    expect(accepted.map((reply) => reply.status)).toEqual(Array(12).fill(200));
    // At beta's host it is a wrong token: that names no token, so it counts nowhere (not even as refused).
    for (const reply of [
      ...(await uses(a, "beta", "198.51.100.43", 2)),
      ...(await uses(b, "beta", "198.51.100.43", 2)),
    ]) {
      expectCode(reply, 401, "invalid_token");
    }

    // A writes its own counts before it answers; B's arrive within its flush interval (1 s here).
    await expect
      .poll(async () => (await readUsage(a, tokenId)).totals.accepted, { timeout: 15_000, interval: 250 })
      .toBe(12);

    // beta cannot read them: its admin finds no such token, and acme's token is nobody at beta's host.
    for (const base of [a, b]) {
      const url = `/v4/apiAccessTokens/${tokenId}/usage`;
      expectCode(await at(base, "beta", "GET", url, { auth: bearer(betaAdminToken) }), 404, "not_found");
      expectCode(await at(base, "beta", "GET", url, { auth: bearer(acmeAdminToken) }), 401, "invalid_token");
      expectCode(await at(base, "acme", "GET", url, { auth: bearer(betaAdminToken) }), 401, "invalid_token");
      const list = await at(base, "beta", "GET", "/v4/workspaces/current/apiAccessTokens?limit=100", {
        auth: bearer(betaAdminToken),
      });
      expect(list.status).toBe(200);
      const ids = (list.body.data as { tokenId: string }[]).map((info) => info.tokenId);
      expect(ids).not.toContain(tokenId);
      expect(ids).toContain(tokenIdOf(betaAdminToken));
    }

    // Two flush intervals later, read through B: still exactly the 12, nothing counted twice or refused.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const usage = await readUsage(b, tokenId);
    expect(usage.totals).toEqual({ accepted: 12, refused: 0 });
    expect(
      usage.clients
        .map((client) => [client.address, client.count])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    ).toEqual([
      ["198.51.100.41", 7],
      ["198.51.100.42", 5],
    ]);
  });
});

describe("renaming and deleting workspaces from the command line while both instances run", () => {
  test("acme renamed to acme2: within the cache time both instances 404 at acme and accept its tokens at acme2", async () => {
    for (const base of [a, b]) {
      // Both names are now in each instance's cache: acme found, acme2 not.
      expect((await whoAmI(base, "acme", bearer(acmeAdminToken))).status).toBe(200);
      expectCode(await whoAmI(base, "acme2", bearer(acmeAdminToken)), 404, "workspace_not_found");
    }
    expect(await workspaceCli("rename", "acme", "acme2")).toContain("Renamed acme to acme2");

    // What each instance answers at each name, round by round: only the old answer, then only the new one.
    const seen = new Map<string, string[]>();
    const observe = async (base: string, workspace: string) => {
      const reply = await whoAmI(base, workspace, bearer(acmeAdminToken));
      const state = reply.status === 200 ? "accepted" : `${reply.status} ${JSON.stringify(reply.body.error)}`;
      const key = `${base} ${workspace}`;
      seen.set(key, [...(seen.get(key) ?? []), state]);
      return state;
    };
    const notFound = `404 ${JSON.stringify({ code: "workspace_not_found", message: "There is no workspace at this address" })}`;
    const elapsed = await settles(async () => {
      const states = await Promise.all([a, b].flatMap((base) => [observe(base, "acme"), observe(base, "acme2")]));
      return states.every((state, i) => state === (i % 2 === 0 ? notFound : "accepted"));
    });
    expect(elapsed).toBeLessThan(SETTLE_MS);
    for (const [key, states] of seen) {
      const [before, after] = key.endsWith(" acme") ? ["accepted", notFound] : [notFound, "accepted"];
      const switched = states.indexOf(after);
      expect(
        states.slice(0, switched).every((state) => state === before),
        `${key}: ${states.join(", ")}`,
      ).toBe(true);
      expect(
        states.slice(switched).every((state) => state === after),
        `${key}: ${states.join(", ")}`,
      ).toBe(true);
    }
    // Its people and passwords moved with it.
    await createTokenAt(b, "acme2", basic(ACME_ADMIN.email, ACME_ADMIN.password));
    const list = await workspaceCli("list");
    expect(list).toMatch(/^acme2\s/m);
    expect(list).not.toMatch(/^acme\s/m);
  });

  test("beta deleted: its tokens are refused at once, and within the cache time both instances 404 at beta", async () => {
    const betaTokenId = tokenIdOf(betaAdminToken);
    for (const base of [a, b]) expect((await whoAmI(base, "beta", bearer(betaAdminToken))).status).toBe(200);
    expect(await workspaceCli("delete", "beta", "--yes")).toContain("Deleted workspace beta");

    // The name may still resolve for a moment, but it finds nobody: never a 200.
    for (const base of [a, b]) {
      const reply = await whoAmI(base, "beta", bearer(betaAdminToken));
      expect([401, 404], JSON.stringify(reply.body)).toContain(reply.status);
      expect(["invalid_token", "workspace_not_found"]).toContain((reply.body.error as { code: string }).code);
    }
    // Polled without credentials, so that no wrong token is counted against this address meanwhile.
    const elapsed = await settles(async () => {
      const replies = await Promise.all([a, b].map((base) => at(base, "beta", "GET", "/v4/people/current")));
      return replies.every(
        (reply) => reply.status === 404 && (reply.body.error as { code: string }).code === "workspace_not_found",
      );
    });
    expect(elapsed).toBeLessThan(SETTLE_MS);
    const [rows] = await sql<{ n: string }>(
      cluster.database.url,
      'SELECT COUNT(*) AS n FROM "AccessToken" WHERE "id" = $1',
      [betaTokenId],
    );
    expect(Number(rows.n)).toBe(0);
    // acme2 goes on.
    for (const base of [a, b]) expect((await whoAmI(base, "acme2", bearer(acmeAdminToken))).status).toBe(200);
    expect(await workspaceCli("list")).not.toMatch(/^beta\s/m);
  });
});
