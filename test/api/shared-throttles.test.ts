// The throttles live once per process (on globalThis), but Next.js bundles the server's own code
// (instrumentation.ts, whose fast paths answer GET /v4/auth/verify) apart from the routes. Whichever bundle
// first asks for the throttles builds them with its copy of every module; a route that then recognises a
// refusal by its class (instanceof) must still recognise it. Seen in CI: the revoke route answered 500 instead of
// 429 because the throttles had been built by the verify fast path. So this starts a fresh server whose first
// throttled request is a fast path, then runs the routes into their limits.
import { afterAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import {
  API_TEST_RATE_LIMITS,
  startTestServer,
  TEST_ADMIN,
  TEST_REVOKE_PER_MINUTE,
  type TestServer,
} from "../support/server";

const port = Number(process.env.SHARED_THROTTLES_TEST_PORT ?? testPort(3143));
let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
});

test("throttles first built by the verify fast path still refuse with 429 in the routes", async () => {
  server = await startTestServer(port, { ...API_TEST_RATE_LIMITS, TRUST_PROXY: "true" });
  const url = server.url;
  const unknownToken = await fetch(`${url}/v4/auth/verify`, { headers: { authorization: "Bearer nope" } });
  expect(unknownToken.status).toBe(401);

  const revoke = () =>
    fetch(`${url}/v4/apiAccessTokens/revoke`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.9" },
      body: JSON.stringify({ tokenValue: "not a token" }),
    });
  for (let sent = 0; sent < TEST_REVOKE_PER_MINUTE; sent++) expect((await revoke()).status).toBe(202);
  const refused = await revoke();
  expect(refused.status, await refused.clone().text()).toBe(429);

  const wrongPassword = () =>
    fetch(`${url}/v4/apiAccessTokens`, {
      method: "POST",
      headers: {
        authorization: "Basic " + Buffer.from(`${TEST_ADMIN.email}:wrong`).toString("base64"),
        "content-type": "application/json",
        "x-forwarded-for": "198.51.100.10",
      },
      body: JSON.stringify({ lifetimeSeconds: 3600 }),
    });
  const statuses: number[] = [];
  for (let sent = 0; sent < 30 && !statuses.includes(429); sent++) statuses.push((await wrongPassword()).status);
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
  expect(server.output()).not.toContain("Unexpected error");
});
