import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { startTestServer, TEST_ADMIN } from "../test/support/server";
const server = await startTestServer(9291, { RATE_LIMIT_TOKEN_FAILURES: "1000000000" });
const basic = "Basic " + Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString("base64");
const created = await (await fetch(`${server.url}/v4/apiAccessTokens`, { method: "POST", headers: { Authorization: basic, "Content-Type": "application/json" }, body: JSON.stringify({ lifetimeSeconds: 86400 }) })).json() as { tokenValue: string };
const token = created.tokenValue;
const ceiling = spawn(process.execPath, ["/work/shared/bench/ceiling.mjs", "9292", token], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
async function run(name: string, url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: 16, duration: 2, headers });
  const r = await autocannon({ url, connections: 16, duration: 5, headers });
  console.log(name.padEnd(28), Math.round(r.requests.average), "req/s p99", r.latency.p99, "non2xx", r.non2xx);
}
const auth = { authorization: `Bearer ${token}` };
for (let round = 0; round < 2; round++) {
  await run("healthz", `${server.url}/healthz`);
  await run("verify", `${server.url}/v4/auth/verify`, auth);
  await run("people/current", `${server.url}/v4/people/current`, auth);
  await run("ceiling", `http://127.0.0.1:9292/v4/people/current`, auth);
}
ceiling.kill(); await server.stop();
