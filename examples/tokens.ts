// Tessera's API from Node (20 or newer, built-in fetch): a first token with email and password, then the
// token for everything, renewed before it expires as tokens cannot be extended.
//   TESSERA_URL=http://localhost:3000 TESSERA_EMAIL=you@example.com TESSERA_PASSWORD=... npx tsx examples/tokens.ts
// TESSERA_LIFETIME_SECONDS (default 86400), TESSERA_RENEW_BEFORE_SECONDS (default 3600) and TESSERA_RUN_SECONDS
// (how long to keep calling the API, default 0) let you watch a renewal happen quickly.

type TokenInfo = { tokenId: string; description: string; status: string; expiredAt: string | null };
type CreatedToken = { tokenValue: string; tokenInfo: TokenInfo };
type List<T> = { data: T[]; count: number };
type Person = { name: string; email: string };

const url = process.env.TESSERA_URL ?? "http://localhost:3000";
const lifetimeSeconds = Number(process.env.TESSERA_LIFETIME_SECONDS ?? 86_400);
const renewBeforeSeconds = Number(process.env.TESSERA_RENEW_BEFORE_SECONDS ?? 3600);
const runSeconds = Number(process.env.TESSERA_RUN_SECONDS ?? 0);

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

/** One API call; any status but the expected one throws with the API's error message. */
async function call<T>(method: string, path: string, authorization: string, body?: unknown, expected = 200) {
  const headers: Record<string, string> = { Authorization: authorization };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${url}${path}`, { method, headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`${method} ${path}: expected ${expected}, got ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

const bearer = (token: CreatedToken) => `Bearer ${token.tokenValue}`;

function createToken(authorization: string, description: string, lifetime = lifetimeSeconds) {
  return call<CreatedToken>(
    "POST",
    "/v4/apiAccessTokens",
    authorization,
    { lifetimeSeconds: lifetime, description },
    201,
  );
}

async function deleteToken(authorization: string, tokenId: string): Promise<void> {
  await call<undefined>("DELETE", `/v4/apiAccessTokens/${tokenId}`, authorization, undefined, 204);
}

/**
 * Returns a token that is good for more than `renewBeforeSeconds`: the current one, or a new one created with
 * it (while it still works), after which the old one is deleted.
 */
async function renewIfExpiring(current: CreatedToken, now = new Date()): Promise<CreatedToken> {
  const { expiredAt } = current.tokenInfo;
  if (expiredAt === null || new Date(expiredAt).getTime() - now.getTime() > renewBeforeSeconds * 1000) {
    return current;
  }
  const next = await createToken(bearer(current), current.tokenInfo.description);
  await deleteToken(bearer(next), current.tokenInfo.tokenId);
  console.log(`renewed: ${current.tokenInfo.tokenId} -> ${next.tokenInfo.tokenId}, until ${next.tokenInfo.expiredAt}`);
  return next;
}

async function main(): Promise<void> {
  const basic = `Basic ${Buffer.from(`${env("TESSERA_EMAIL")}:${env("TESSERA_PASSWORD")}`).toString("base64")}`;
  let token = await createToken(basic, "examples/tokens.ts");
  console.log(`first token ${token.tokenInfo.tokenId}, expires at ${token.tokenInfo.expiredAt}`);

  const mine = await call<List<TokenInfo>>("GET", "/v4/apiAccessTokens?limit=10", bearer(token));
  console.log(`you hold ${mine.count} tokens`);

  // A token created with a token lives no longer than that token.
  const extra = await createToken(bearer(token), "made with a token", Math.min(600, lifetimeSeconds));
  const me = await call<Person>("GET", "/v4/people/current", bearer(extra));
  console.log(`the new token ${extra.tokenInfo.tokenId} acts as ${me.name} <${me.email}>`);
  await deleteToken(bearer(token), extra.tokenInfo.tokenId);
  console.log(`deleted ${extra.tokenInfo.tokenId}`);

  // A long-running script: check the token before each call and renew it in time.
  const until = Date.now() + runSeconds * 1000;
  do {
    token = await renewIfExpiring(token);
    await call<Person>("GET", "/v4/people/current", bearer(token));
    if (Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 500));
  } while (Date.now() < until);

  await deleteToken(bearer(token), token.tokenInfo.tokenId);
  console.log(`deleted ${token.tokenInfo.tokenId}; done`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
