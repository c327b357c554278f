// Two instances sharing one PostgreSQL database count password attempts in one place (the rate_limits table),
// each attempt taking its place before bcrypt runs: a burst split between them gets the account's free failures
// checked once in all, not once per instance, and none once they are spent.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { rateLimitConfig } from "@/lib/rate-limit/config";
import { testPort } from "../support/ports";
import { adminBasic, basic, bearer, call, createToken, startCluster, type Cluster } from "./support";

const ENV = { TRUST_PROXY: "true" };
const ACCOUNT_FAILURES = rateLimitConfig(parseEnv(ENV)).passwordAccount.freeFailures;
const BURST = 60;

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster([testPort(3161), testPort(3162)], ENV);
});
afterAll(() => cluster?.stop());

async function basicFrom(base: string, auth: string, from: string): Promise<number> {
  const response = await fetch(`${base}/v4/apiAccessTokens`, {
    method: "POST",
    headers: { Authorization: auth, "X-Forwarded-For": from, "Content-Type": "application/json" },
    body: JSON.stringify({ lifetimeSeconds: 60 }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function createTarget(): Promise<{ email: string; password: string }> {
  const [a] = cluster.instances.map((instance) => instance.url);
  const adminToken = await createToken(a, adminBasic());
  const target = { email: `target-${randomBytes(4).toString("hex")}@tessera.test`, password: "pw-1234567890" };
  // An admin, so that a right password that slipped through would get its token (201).
  const created = await call(a, "POST", "/v4/people", bearer(adminToken), { ...target, name: "Target", isAdmin: true });
  expect(created.status).toBe(201);
  return target;
}

/** A burst from one address, every other attempt to each instance; the statuses, counted. */
async function burst(email: string, guess: (i: number) => string, from: string): Promise<Record<number, number>> {
  const [a, b] = cluster.instances.map((instance) => instance.url);
  const statuses = await Promise.all(
    Array.from({ length: BURST }, (_, i) => basicFrom(i % 2 ? a : b, basic(email, guess(i)), from)),
  );
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

const newAddress = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

test(`${BURST} wrong passwords at once, half to each instance: the account's free failures are checked in all`, async () => {
  const target = await createTarget();
  expect(await burst(target.email, (i) => `wrong-${i}`, newAddress())).toEqual({
    401: ACCOUNT_FAILURES,
    429: BURST - ACCOUNT_FAILURES,
  });
});

test("once an address has spent the free failures on one instance, the right password to both is never checked", async () => {
  const target = await createTarget();
  const from = newAddress();
  const [a] = cluster.instances.map((instance) => instance.url);
  for (let i = 0; i < ACCOUNT_FAILURES; i++) {
    expect(await basicFrom(a, basic(target.email, `wrong-${i}`), from)).toBe(401);
  }
  // Had a single attempt slipped past the shared count to bcrypt, it would have got in.
  expect(await burst(target.email, () => target.password, from)).toEqual({ 429: BURST });
});
