// Tessera behind real proxies, configured exactly as docs/proxies.md says: Debian's nginx (auth_request) and
// Caddy (forward_auth) in front of a small API that echoes what it received.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminBasic, bearer, call, createMember, createToken, tokenIdOf } from "../cluster/support";
import { testPort } from "../support/ports";
import { startTestServer, type TestServer } from "../support/server";
import { newClientAddress, viaProxy } from "./support/client";
import { startProxy, type ProxyName, type RunningProxy } from "./support/proxies";
import { startUpstream, type Upstream } from "./support/upstream";

const TOKEN_FAILURES = 3;
let tessera: TestServer;
let upstream: Upstream;
let adminToken: string;

beforeAll(async () => {
  tessera = await startTestServer(testPort(3165), {
    TRUST_PROXY: "true",
    RATE_LIMIT_TOKEN_FAILURES: String(TOKEN_FAILURES),
  });
  upstream = await startUpstream();
  adminToken = await createToken(tessera.url, adminBasic());
});
afterAll(async () => {
  await upstream?.stop();
  await tessera?.stop();
});

type Event = { type: string; clientAddress: string | null; tokenId: string | null; details: Record<string, unknown> };

async function eventsOf(tokenId: string): Promise<Event[]> {
  const reply = await call(tessera.url, "GET", `/v4/auditEvents?tokenId=${tokenId}`, bearer(adminToken));
  return (reply.body.data as Event[]) ?? [];
}

describe.each<[ProxyName, number]>([
  ["nginx", 3171],
  ["caddy", 3172],
])("%s in front of an API", (name, basePort) => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy(name, {
      tesseraPort: Number(new URL(tessera.url).port),
      upstreamPort: upstream.port,
      proxyPort: testPort(basePort),
    });
  });
  afterAll(() => proxy?.stop());

  const reachedUpstream = () => upstream.received.length;

  test("no token: 401 with WWW-Authenticate: Bearer, and the API never sees the request", async () => {
    const before = reachedUpstream();
    const response = await viaProxy(proxy.port, { from: newClientAddress() });
    expect(response.status).toBe(401);
    expect(String(response.headers["www-authenticate"])).toMatch(/^Bearer/);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "missing_credentials" } });
    expect(reachedUpstream()).toBe(before);
  });

  test("a valid token reaches the API with the person's identity, and identity headers the client made up are replaced", async () => {
    const member = await createMember(tessera.url, adminToken);
    const response = await viaProxy(proxy.port, {
      from: newClientAddress(),
      headers: {
        Authorization: bearer(member.token),
        "X-Tessera-User-Id": "someone-else",
        "X-Tessera-User-Email": "ceo@example.com",
        "X-Tessera-Token-Id": "forged",
        "X-Tessera-Scopes": "forged",
      },
    });
    expect(response.status, response.body).toBe(200);
    const seen = JSON.parse(response.body) as { url: string; headers: Record<string, string> };
    expect(seen.url).toBe("/orders?page=2");
    expect(seen.headers["x-tessera-user-id"]).toBe(member.id);
    expect(seen.headers["x-tessera-user-email"]).toMatch(/^member-.*@tessera\.test$/);
    expect(seen.headers["x-tessera-token-id"]).toBe(tokenIdOf(member.token));
    expect(Date.parse(seen.headers["tessera-token-expires"])).toBeGreaterThan(Date.now());
    expect(seen.headers["x-tessera-scopes"]).toBe("api");
  });

  test("a read-only token reads through the proxy; its writes get 403 insufficient_scope and never reach the API", async () => {
    const member = await createMember(tessera.url, adminToken);
    const made = await call(tessera.url, "POST", "/v4/apiAccessTokens", bearer(member.token), {
      lifetimeSeconds: 3600,
      scopes: ["read_api"],
    });
    expect(made.status).toBe(201);
    const auth = { Authorization: bearer(String(made.body.tokenValue)) };
    const from = newClientAddress();
    const read = await viaProxy(proxy.port, { from, headers: auth });
    expect(read.status, read.body).toBe(200);
    expect((JSON.parse(read.body) as { headers: Record<string, string> }).headers["x-tessera-scopes"]).toBe("read_api");
    for (const method of ["POST", "DELETE"]) {
      const before = reachedUpstream();
      const write = await viaProxy(proxy.port, { from, method, path: "/orders/42", headers: auth });
      expect(write.status, write.body).toBe(403);
      expect(JSON.parse(write.body)).toMatchObject({ error: { code: "insufficient_scope" } });
      expect(reachedUpstream()).toBe(before);
    }
    const full = await viaProxy(proxy.port, {
      from,
      method: "DELETE",
      path: "/orders/42",
      headers: { Authorization: bearer(member.token) },
    });
    expect(full.status, full.body).toBe(200);
  });

  test("a token deleted in the app is refused on the very next request through the proxy", async () => {
    const member = await createMember(tessera.url, adminToken);
    const from = newClientAddress();
    const auth = { Authorization: bearer(member.token) };
    expect((await viaProxy(proxy.port, { from, headers: auth })).status).toBe(200);
    const deleted = await call(
      tessera.url,
      "DELETE",
      `/v4/apiAccessTokens/${tokenIdOf(member.token)}`,
      bearer(adminToken),
    );
    expect(deleted.status).toBe(204);
    const before = reachedUpstream();
    const refused = await viaProxy(proxy.port, { from, headers: auth });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "invalid_token" } });
    expect(reachedUpstream()).toBe(before);
  });

  test("a disabled owner's token is refused on the very next request, and works again once enabled", async () => {
    const member = await createMember(tessera.url, adminToken);
    const from = newClientAddress();
    const auth = { Authorization: bearer(member.token) };
    expect((await viaProxy(proxy.port, { from, headers: auth })).status).toBe(200);
    await call(tessera.url, "PATCH", `/v4/people/${member.id}`, bearer(adminToken), { isDisabled: true });
    const refused = await viaProxy(proxy.port, { from, headers: auth });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "token_blocked" } });
    await call(tessera.url, "PATCH", `/v4/people/${member.id}`, bearer(adminToken), { isDisabled: false });
    expect((await viaProxy(proxy.port, { from, headers: auth })).status).toBe(200);
  });

  test("the audit trail has the client's address, not the proxy's, and the request the token was used for", async () => {
    const member = await createMember(tessera.url, adminToken);
    const from = newClientAddress();
    const used = await viaProxy(proxy.port, {
      from,
      method: "DELETE",
      path: "/orders/42?force=1",
      headers: { Authorization: bearer(member.token) },
    });
    expect(used.status, used.body).toBe(200);
    const [firstUse] = (await eventsOf(tokenIdOf(member.token))).filter((event) => event.type === "token.first_used");
    expect(firstUse).toMatchObject({
      clientAddress: from,
      details: { request: { method: "DELETE", uri: "/orders/42?force=1", host: "api.example.com" } },
    });
  });

  test("an address that keeps sending invalid tokens gets 429 with Retry-After through the proxy", async () => {
    const from = newClientAddress();
    const wrong = { Authorization: bearer(`tsr_${"A".repeat(16)}_${"b".repeat(49)}`) };
    const statuses: number[] = [];
    let last = await viaProxy(proxy.port, { from, headers: wrong });
    statuses.push(last.status);
    for (let i = 0; i < TOKEN_FAILURES + 1 && last.status !== 429; i++) {
      last = await viaProxy(proxy.port, { from, headers: wrong });
      statuses.push(last.status);
    }
    expect(statuses.at(-1), statuses.join(",")).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(last.body)).toMatchObject({ error: { code: "too_many_attempts" } });
    // Another client, through the same proxy, is not affected.
    const member = await createMember(tessera.url, adminToken);
    const other = await viaProxy(proxy.port, {
      from: newClientAddress(),
      headers: { Authorization: bearer(member.token) },
    });
    expect(other.status).toBe(200);
  });
});
