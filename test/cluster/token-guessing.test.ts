// Invalid tokens are counted by each instance at once and shared through PostgreSQL every second
// (lib/rate-limit/shared-later.ts): an address that guesses at two instances, under the limit at each but over it
// in all, is blocked by both once the counts are shared, with one auth.throttled event.
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { rateLimitConfig } from "@/lib/rate-limit/config";
import { generateToken } from "@/lib/tokens/format";
import { testPort } from "../support/ports";
import { adminBasic, bearer, call, createToken, startCluster, type Cluster } from "./support";

const ENV = { TRUST_PROXY: "true", RATE_LIMIT_TOKEN_FAILURES: "4" };
const TOKEN_FAILURES = rateLimitConfig(parseEnv(ENV)).tokenAddress.freeFailures;
// Well-formed (a valid checksum), so it is looked up and counted as a guess to share; never stored.
const unknownToken = generateToken().tokenValue;

let cluster: Cluster;
let adminToken: string;

beforeAll(async () => {
  cluster = await startCluster([testPort(3163), testPort(3164)], ENV);
  adminToken = await createToken(cluster.instances[0].url, adminBasic());
});
afterAll(() => cluster?.stop());

async function guess(base: string, from: string): Promise<number> {
  const response = await fetch(`${base}/v4/auth/verify`, {
    headers: { Authorization: `Bearer ${unknownToken}`, "X-Forwarded-For": from },
  });
  await response.arrayBuffer();
  return response.status;
}

test("guesses under the limit at each instance but over it in all get the address blocked by both, recorded once", async () => {
  const from = "198.51.100.77";
  const [a, b] = cluster.instances.map((instance) => instance.url);
  const each = TOKEN_FAILURES - 1;
  for (const base of [a, b]) {
    for (let i = 0; i < each; i++) expect(await guess(base, from)).toBe(401);
  }
  // Each instance alone is under its limit: one more guess each would still be a 401 if nothing were shared.
  // Once both have flushed (every second), the instance whose flush passed the shared limit refuses at once.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const next = [await guess(a, from), await guess(b, from)];
  expect(next).toContain(429);
  // The other learns of the block with its next flush.
  await expect
    .poll(async () => [await guess(a, from), await guess(b, from)], { timeout: 10_000, interval: 500 })
    .toEqual([429, 429]);
  const events = await call(a, "GET", "/v4/auditEvents?type=auth.throttled", bearer(adminToken));
  const blocks = (events.body.data as Array<{ clientAddress: string; details: { dimension: string } }>).filter(
    (event) => event.clientAddress === from && event.details.dimension === "token-address",
  );
  expect(blocks).toHaveLength(1);
});
