// Forward auth with several workspaces (WORKSPACE_DOMAIN), behind real nginx and Caddy configured as
// docs/proxies.md says, plus the one line it says to add: the check names the workspace's host in Host. A token
// of that workspace reaches the API; one of another workspace, or of the default one, is refused like a wrong one.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { basic, bearer } from "../cluster/support";
import { testPort } from "../support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";
import { workspaceCli as runCli } from "../support/workspace-cli";
import { newClientAddress, viaProxy } from "./support/client";
import { startProxy, type ProxyName, type RunningProxy } from "./support/proxies";
import { startUpstream, type Upstream } from "./support/upstream";

const DOMAIN = "tessera.test";
const ACME = { email: "ops@acme.test", password: "acme-admin-password-1" };
const BETA = { email: "ops@beta.test", password: "beta-admin-password-1" };

let tessera: TestServer;
let upstream: Upstream;
const tokens = { acme: "", beta: "", default: "" };

/** `npm run workspace -- <args>` on the server's database. */
async function workspaceCli(args: string[]): Promise<void> {
  await runCli(args, { DATA_DIR: tessera.dataDir, DATABASE_URL: "", WORKSPACE_DOMAIN: DOMAIN });
}

/** A token made with email and password at a workspace's host (named the way a trusted proxy forwards it). */
async function tokenAt(host: string, auth: string): Promise<string> {
  const response = await fetch(`${tessera.url}/v4/apiAccessTokens`, {
    method: "POST",
    headers: { Authorization: auth, "Content-Type": "application/json", "X-Forwarded-Host": host },
    body: JSON.stringify({ lifetimeSeconds: 3600 }),
  });
  const body = (await response.json()) as { tokenValue?: string };
  if (response.status !== 201 || !body.tokenValue) throw new Error(`no token at ${host}: ${response.status}`);
  return body.tokenValue;
}

beforeAll(async () => {
  tessera = await startTestServer(testPort(3175), { TRUST_PROXY: "true", WORKSPACE_DOMAIN: DOMAIN });
  upstream = await startUpstream();
  await workspaceCli(["create", "acme", "--admin-email", ACME.email, "--admin-password", ACME.password]);
  await workspaceCli(["create", "beta", "--admin-email", BETA.email, "--admin-password", BETA.password]);
  tokens.acme = await tokenAt(`acme.${DOMAIN}`, basic(ACME.email, ACME.password));
  tokens.beta = await tokenAt(`beta.${DOMAIN}`, basic(BETA.email, BETA.password));
  tokens.default = await tokenAt(DOMAIN, basic(TEST_ADMIN.email, TEST_ADMIN.password));
});
afterAll(async () => {
  await upstream?.stop();
  await tessera?.stop();
});

describe.each<[ProxyName, number]>([
  ["nginx", 3176],
  ["caddy", 3177],
])("%s in front of an API, checking tokens of workspace acme", (name, basePort) => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy(name, {
      tesseraPort: Number(new URL(tessera.url).port),
      upstreamPort: upstream.port,
      proxyPort: testPort(basePort),
      workspaceHost: `acme.${DOMAIN}`,
    });
  });
  afterAll(() => proxy?.stop());

  test("acme's token reaches the API with acme's person", async () => {
    const response = await viaProxy(proxy.port, {
      from: newClientAddress(),
      headers: { Authorization: bearer(tokens.acme) },
    });
    expect(response.status, response.body).toBe(200);
    const seen = JSON.parse(response.body) as { headers: Record<string, string> };
    expect(seen.headers["x-tessera-user-email"]).toBe(ACME.email);
  });

  test.each(["beta", "default"] as const)(
    "a token of workspace %s is invalid_token, like a wrong one, and never reaches the API",
    async (workspace) => {
      const before = upstream.received.length;
      const response = await viaProxy(proxy.port, {
        from: newClientAddress(),
        headers: { Authorization: bearer(tokens[workspace]) },
      });
      expect(response.status, response.body).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: "invalid_token" } });
      expect(upstream.received.length).toBe(before);
    },
  );
});
