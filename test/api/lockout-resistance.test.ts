// Nobody can keep an account's owner out by guessing at it. Once wrong passwords block the account, the
// guessing address stays refused, but the owner still gets in: at once from an address they signed in from
// before, and from a new address at the next trickle slot. The audit trail says the account is under attack.
// Its own server, with blocks long enough (RATE_LIMIT_BLOCK_SECONDS) that none ends during the test, on its own
// database of the suite's kind (TEST_DATABASE).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { rateLimitConfig } from "@/lib/rate-limit/config";
import { testPort } from "../support/ports";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { uniqueAddress, uniqueEmail } from "./support/client";

const ENV = { TRUST_PROXY: "true", RATE_LIMIT_BLOCK_SECONDS: "600", RATE_LIMIT_ACCOUNT_TRICKLE_SECONDS: "5" };
const limits = rateLimitConfig(parseEnv(ENV));

let server: TestServer;
let database: TestDatabase | undefined;
let adminToken: string;

type Reply = { status: number; retryAfter: number; body: Record<string, unknown> };

async function call(method: string, path: string, auth: string, from: string, json?: unknown): Promise<Reply> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, "X-Forwarded-For": from, "Content-Type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: Number(response.headers.get("retry-after")),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;
const signIn = (email: string, password: string, from: string) =>
  call("POST", "/v4/apiAccessTokens", basic(email, password), from, { lifetimeSeconds: 60 });

beforeAll(async () => {
  if (process.env.TEST_DATABASE === "postgresql") database = await createTestDatabase();
  const port = Number(process.env.LOCKOUT_TEST_PORT ?? testPort(3138));
  server = await startTestServer(port, { ...ENV, ...(database ? { DATABASE_URL: database.url } : {}) });
  const created = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, uniqueAddress());
  adminToken = String(created.body.tokenValue);
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function createOwner(): Promise<{ id: string; email: string; password: string }> {
  const owner = { email: uniqueEmail("owner"), password: "the-owners-password-1" };
  const person = await call("POST", "/v4/people", `Bearer ${adminToken}`, uniqueAddress(), {
    ...owner,
    name: "Owner",
    isAdmin: true,
  });
  expect(person.status).toBe(201);
  return { id: String(person.body.id), ...owner };
}

/** Wrong passwords from one address until the account is blocked; the statuses seen. */
async function guessUntilBlocked(email: string, from: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i <= limits.passwordAccount.freeFailures; i++)
    statuses.push((await signIn(email, `guess-${i}`, from)).status);
  return statuses;
}

describe("an account blocked by someone else's wrong passwords", () => {
  let owner: { id: string; email: string; password: string };
  const home = uniqueAddress();
  const attacker = uniqueAddress();

  beforeAll(async () => {
    owner = await createOwner();
    expect((await signIn(owner.email, owner.password, home)).status).toBe(201);
    const statuses = await guessUntilBlocked(owner.email, attacker);
    expect(statuses).toEqual([...Array(limits.passwordAccount.freeFailures).fill(401), 429]);
  });

  test("stays refused to the guessing address, even with the right password (it is never checked)", async () => {
    expect((await signIn(owner.email, "another-guess", attacker)).status).toBe(429);
    const right = await signIn(owner.email, owner.password, attacker);
    expect(right.status).toBe(429);
    expect(right.retryAfter).toBeGreaterThan(0);
  });

  test("lets its owner in from an address they signed in from before, as often as they like", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(owner.email, owner.password, home)).status).toBe(201);
  });

  test("lets its owner in from a new address at the next trickle slot, and gives other new addresses one guess each", async () => {
    // A new address gets one guess, checked: the trickle slot is taken for a while, and that address is refused.
    const prober = uniqueAddress();
    expect((await signIn(owner.email, "trickle-guess", prober)).status).toBe(401);
    expect((await signIn(owner.email, "trickle-guess-2", prober)).status).toBe(429);
    // Meanwhile another new address, the owner's say, is told when to come back: at most the longest hold.
    const travelling = uniqueAddress();
    let reply = await signIn(owner.email, owner.password, travelling);
    if (reply.status === 429) {
      expect(reply.retryAfter).toBeLessThanOrEqual(2 * limits.accountTrickleSeconds);
      await new Promise((resolve) => setTimeout(resolve, reply.retryAfter * 1000));
      reply = await signIn(owner.email, owner.password, travelling);
    }
    expect(reply.status).toBe(201);
  });

  test("is recorded as under attack once, with the block, in the audit trail", async () => {
    const events = async (type: string) => {
      const reply = await call(
        "GET",
        `/v4/auditEvents?personId=${owner.id}&type=${type}`,
        `Bearer ${adminToken}`,
        home,
      );
      expect(reply.status).toBe(200);
      return reply.body as { count: number; data: Array<{ clientAddress: string; details: Record<string, unknown> }> };
    };
    const underAttack = await events("auth.account_under_attack");
    expect(underAttack.count).toBe(1);
    expect(underAttack.data[0]).toMatchObject({ clientAddress: attacker, details: { account: owner.email } });
    expect((await events("auth.throttled")).count).toBe(1);
  });
});
