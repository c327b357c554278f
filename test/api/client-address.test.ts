// Without TRUST_PROXY the server does not believe a client's X-Forwarded-For: failures are counted against the
// socket's address, so changing the header neither dodges the per-address throttle nor frames someone else.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  // Its own instance without TRUST_PROXY (the shared one trusts the header, as behind a proxy).
  server = await startTestServer(Number(process.env.CLIENT_ADDRESS_TEST_PORT ?? 3135), {
    RATE_LIMIT_TOKEN_FAILURES: "5",
  });
});

afterAll(async () => {
  await server.stop();
});

const invalidTokenFrom = (forwardedFor: string) =>
  fetch(`${server.url}/v4/people/current`, {
    headers: { authorization: "Bearer not-a-token", "x-forwarded-for": forwardedFor },
  });

test("a made-up X-Forwarded-For on every request still counts against the one real address", async () => {
  const statuses: number[] = [];
  for (let i = 1; i <= 6; i++) statuses.push((await invalidTokenFrom(`198.51.100.${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

  const blocked = await invalidTokenFrom("203.0.113.99");
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
});
