import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn, signOut, type Session } from "../api/support/client";
import { testPort } from "../support/ports";
import { TEST_ADMIN } from "../support/server";
import {
  adminBasic,
  bearer,
  call,
  createMember,
  createToken,
  sql,
  startCluster,
  tokenIdOf,
  type Cluster,
} from "./support";

// Two stateless instances, A and B, share nothing but one PostgreSQL database and the secrets.
let cluster: Cluster;
let a: string;
let b: string;
let adminToken: string;

beforeAll(async () => {
  cluster = await startCluster([testPort(3141), testPort(3142)], { LAST_USED_INTERVAL_SECONDS: "1" });
  [a, b] = cluster.instances.map((instance) => instance.url);
  adminToken = await createToken(a, adminBasic());
});
afterAll(() => cluster?.stop());

describe("two instances started at the same moment on an empty database", () => {
  test("migrated it exactly once and created exactly one first admin", async () => {
    const migrations = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations-postgresql"), {
      withFileTypes: true,
    }).filter((entry) => entry.isDirectory());
    const applied = await sql<{ migration_name: string }>(
      cluster.database.url,
      "SELECT migration_name FROM _prisma_migrations",
    );
    expect(applied.map((row) => row.migration_name).sort()).toEqual(migrations.map((entry) => entry.name).sort());
    const [admins] = await sql<{ n: string }>(cluster.database.url, 'SELECT COUNT(*) AS n FROM "User" WHERE "isAdmin"');
    expect(Number(admins.n)).toBe(1);
  });
});

describe("what one instance does, the other enforces on the very next request", () => {
  test("a token made on A works on B", async () => {
    const token = await createToken(a, bearer(adminToken));
    expect((await call(b, "GET", "/v4/people/current", bearer(token))).status).toBe(200);
  });

  test("a token deleted through B is refused by A", async () => {
    const token = await createToken(a, bearer(adminToken));
    expect((await call(a, "GET", "/v4/people/current", bearer(token))).status).toBe(200);
    expect((await call(b, "DELETE", `/v4/apiAccessTokens/${tokenIdOf(token)}`, bearer(adminToken))).status).toBe(204);
    const refused = await call(a, "GET", "/v4/people/current", bearer(token));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "invalid_token" });
  });

  test("a person's individual access withdrawn on A is refused by B", async () => {
    const member = await createMember(a, adminToken);
    expect((await call(b, "GET", "/v4/people/current", bearer(member.token))).status).toBe(200);
    const patch = { canGenerateApiAccessTokens: false };
    expect((await call(a, "PATCH", `/v4/people/${member.id}`, bearer(adminToken), patch)).status).toBe(200);
    const refused = await call(b, "GET", "/v4/people/current", bearer(member.token));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "token_blocked" });
  });

  test("turning API access tokens off on A stops tokens on B; back on restores them", async () => {
    const token = await createToken(a, bearer(adminToken));
    const off = await call(a, "PATCH", "/v4/workspaces/current/settings", bearer(adminToken), {
      apiAccessTokensEnabled: false,
    });
    expect(off.status).toBe(200);
    try {
      expect((await call(b, "GET", "/v4/people/current", bearer(token))).body.error).toMatchObject({
        code: "token_blocked",
      });
    } finally {
      // Every token is refused now, the admin's too: an admin turns it back on in the browser; here, in the database.
      await sql(cluster.database.url, 'UPDATE "Workspace" SET "apiAccessTokensEnabled" = true');
    }
    expect((await call(b, "GET", "/v4/people/current", bearer(token))).status).toBe(200);
  });
});

describe("nothing is lost under concurrency", () => {
  test("40 tokens created in parallel through both instances all exist", async () => {
    const before = await call(a, "GET", "/v4/apiAccessTokens?limit=1", bearer(adminToken));
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(i % 2 ? a : b, "POST", "/v4/apiAccessTokens", bearer(adminToken), {
          lifetimeSeconds: 600,
          description: `p${i}`,
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(40).fill(201));
    const ids = new Set(replies.map((reply) => (reply.body.tokenInfo as { tokenId: string }).tokenId));
    expect(ids.size).toBe(40);
    const after = await call(b, "GET", "/v4/apiAccessTokens?limit=1", bearer(adminToken));
    expect(Number(after.body.count)).toBe(Number(before.body.count) + 40);
  });

  test("lastUsed keeps the latest use, whichever instance saw it", async () => {
    const token = await createToken(a, bearer(adminToken));
    for (let i = 0; i < 6; i++) await call(i % 2 ? a : b, "GET", "/v4/people/current", bearer(token));
    const lastUse = Date.now();
    await call(a, "GET", "/v4/people/current", bearer(token));
    // Each instance flushes its buffered uses within LAST_USED_INTERVAL_SECONDS (1 s here), in whatever order;
    // the write's guard (test/api/last-used-guard.test.ts) keeps an older flush from winning.
    const lastUsed = async () => {
      const info = await call(b, "GET", `/v4/apiAccessTokens/${tokenIdOf(token)}`, bearer(adminToken));
      return Date.parse(String(info.body.lastUsed));
    };
    await expect.poll(lastUsed, { timeout: 15_000, interval: 250 }).toBeGreaterThanOrEqual(lastUse - 5);
  });

  test("two admins saving settings at once leave a consistent state with both changes", async () => {
    const [first, second] = await Promise.all([
      call(a, "PATCH", "/v4/workspaces/current/settings", bearer(adminToken), { maxUserTokenLifetimeDays: 90 }),
      call(b, "PATCH", "/v4/workspaces/current/settings", bearer(adminToken), {
        usersCanGenerateApiAccessTokens: true,
      }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const settings = await call(a, "GET", "/v4/workspaces/current/settings", bearer(adminToken));
    expect(settings.body).toEqual({
      apiAccessTokensEnabled: true,
      usersCanGenerateApiAccessTokens: true,
      maxUserTokenLifetimeDays: 90,
    });
    await call(b, "PATCH", "/v4/workspaces/current/settings", bearer(adminToken), {
      usersCanGenerateApiAccessTokens: false,
      maxUserTokenLifetimeDays: 365,
    });
  });

  test("two admins removing each other's admin role at once: one succeeds, the workspace keeps an admin", async () => {
    const [self] = await sql<{ id: string }>(cluster.database.url, 'SELECT id FROM "User" WHERE "isAdmin" LIMIT 1');
    const other = await createMember(a, adminToken);
    expect((await call(a, "PATCH", `/v4/people/${other.id}`, bearer(adminToken), { isAdmin: true })).status).toBe(200);
    const replies = await Promise.all([
      call(a, "PATCH", `/v4/people/${other.id}`, bearer(adminToken), { isAdmin: false }),
      call(b, "PATCH", `/v4/people/${self.id}`, bearer(other.token), { isAdmin: false }),
    ]);
    const statuses = replies.map((reply) => reply.status).sort();
    // Whichever ran second saw the other's change: it was either refused (409) or, being by a demoted
    // admin, forbidden (403). Never two successes.
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    const [admins] = await sql<{ n: string }>(
      cluster.database.url,
      'SELECT COUNT(*) AS n FROM "User" WHERE "isAdmin" AND NOT "isDisabled"',
    );
    expect(Number(admins.n)).toBe(1);
  });
});

describe("sessions", () => {
  const whoAmI = (base: string, session: Session) =>
    fetch(`${base}/v4/people/current`, { headers: { Cookie: session.cookie } });

  test("a session cookie from signing in on A is accepted by B", async () => {
    const session = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, a);
    expect((await whoAmI(b, session)).status).toBe(200);
  });

  test("a session signed out on A is refused by B on the very next request", async () => {
    const session = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, a);
    const copy = { ...session };
    expect((await whoAmI(b, copy)).status).toBe(200);
    await signOut(session, a);
    expect((await whoAmI(b, copy)).status).toBe(401);
  });
});
