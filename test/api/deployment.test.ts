// The app as deployed for real, on its own instance: a public https URL (NEXTAUTH_URL) and no TRUST_PROXY.
import { afterAll, beforeAll, expect, test } from "vitest";
import { testPort } from "../support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  // The shared instance trusts X-Forwarded-For (as behind a proxy) and has a plain http URL; this one neither.
  const port = Number(process.env.DEPLOYMENT_TEST_PORT ?? testPort(3135));
  server = await startTestServer(port, {
    NEXTAUTH_URL: `https://localhost:${port}`,
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

// Without TRUST_PROXY a client's X-Forwarded-For is not believed: failures count against the socket's address,
// so changing the header neither dodges the per-address throttle nor frames someone else.
test("a made-up X-Forwarded-For on every request still counts against the one real address", async () => {
  const statuses: number[] = [];
  for (let i = 1; i <= 6; i++) statuses.push((await invalidTokenFrom(`198.51.100.${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

  const blocked = await invalidTokenFrom("203.0.113.99");
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
});

test("behind https the session cookie is Secure (__Secure- prefix), HttpOnly and SameSite=Lax", async () => {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().find((line) => line.startsWith("__Host-next-auth.csrf-token="));
  expect(csrfCookie?.toLowerCase()).toContain("secure");
  const callback = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: (csrfCookie ?? "").split(";")[0],
      Origin: `https://localhost:${new URL(server.url).port}`,
    },
    body: new URLSearchParams({ csrfToken, email: TEST_ADMIN.email, password: TEST_ADMIN.password, json: "true" }),
  });
  const session = callback.headers.getSetCookie().find((line) => line.startsWith("__Secure-next-auth.session-token="));
  expect(session, "no __Secure- session cookie").toBeDefined();
  const flags = (session ?? "").split(";").map((part) => part.trim().toLowerCase());
  expect(flags).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
});

test("a reverse proxy's check while TRUST_PROXY is off is answered, and the log says why it should be on, once", async () => {
  const ask = () => fetch(`${server.url}/v4/auth/verify`, { headers: { "x-forwarded-method": "GET" } });
  expect((await ask()).status).toBe(401);
  expect((await ask()).status).toBe(401);
  const warnings = server.output().match(/TRUST_PROXY is not true/g) ?? [];
  expect(warnings).toHaveLength(1);
});
