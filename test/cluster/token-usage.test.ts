// A token's uses are counted by each instance in memory and added to PostgreSQL as increments: uses spread over
// two instances, flushed at different times and at shutdown, sum exactly, per day and per client.
import { afterAll, beforeAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import { adminBasic, bearer, createToken, sql, startCluster, tokenIdOf, type Cluster } from "./support";

let cluster: Cluster;
let adminToken: string;

beforeAll(async () => {
  // A short flush interval, so that the instances write while the uses are still arriving.
  cluster = await startCluster([testPort(3166), testPort(3167)], {
    TRUST_PROXY: "true",
    LAST_USED_INTERVAL_SECONDS: "1",
  });
  adminToken = await createToken(cluster.instances[0].url, adminBasic());
});
afterAll(() => cluster?.stop());

test("uses at two instances sum exactly, per day and per address and user agent, including what shutdown writes", async () => {
  const [a, b] = cluster.instances;
  const token = await createToken(a.url, bearer(adminToken));
  const use = (base: string, address: string) =>
    fetch(`${base}/v4/people/current`, {
      headers: { Authorization: bearer(token), "X-Forwarded-For": address, "User-Agent": "sum-test/1" },
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });
  const statuses: number[] = [];
  for (let round = 0; round < 10; round++) {
    const burst = await Promise.all([
      ...Array.from({ length: 7 }, () => use(a.url, "198.51.100.31")),
      ...Array.from({ length: 5 }, () => use(b.url, "198.51.100.32")),
      ...Array.from({ length: 3 }, () => use(b.url, "198.51.100.31")),
    ]);
    statuses.push(...burst);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  // Stopping both writes what each still holds.
  await Promise.all(cluster.instances.map((instance) => instance.stop()));

  const tokenId = tokenIdOf(token);
  const days = await sql<{ accepted: number; refused: number }>(
    cluster.database.url,
    'SELECT "accepted", "refused" FROM "token_usage_days" WHERE "tokenId" = $1',
    [tokenId],
  );
  expect(days.reduce((sum, day) => sum + Number(day.accepted), 0)).toBe(150);
  const clients = await sql<{ address: string; count: number }>(
    cluster.database.url,
    'SELECT "address", "count" FROM "token_clients" WHERE "tokenId" = $1 ORDER BY "address"',
    [tokenId],
  );
  expect(clients.map((client) => [client.address, Number(client.count)])).toEqual([
    ["198.51.100.31", 100],
    ["198.51.100.32", 50],
  ]);
});
