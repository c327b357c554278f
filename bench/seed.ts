// What the scenarios need: tokens made through the API where the value matters, and 10,000 rows
// inserted straight into the database (valid SHA-256 hashes) because creating them one by one takes minutes.
import Database from "better-sqlite3";
import pg from "pg";
import { generateToken, hashToken } from "@/lib/tokens/format";

export type Credentials = { email: string; password: string };
export type Seeded = { validToken: string; expiredToken: string; unknownToken: string; cookie: string };
type TokenRow = {
  id: string;
  userId: string;
  description: string;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date | null;
};

export const LIST_SIZE = 10_000;
/** Days of usage counts seeded for every token: the 90 of a token's page. */
export const USAGE_DAYS = 90;

function basic({ email, password }: Credentials): string {
  return "Basic " + Buffer.from(`${email}:${password}`).toString("base64");
}

async function createToken(url: string, admin: Credentials): Promise<{ tokenValue: string; userId: string }> {
  const response = await fetch(`${url}/v4/apiAccessTokens`, {
    method: "POST",
    headers: { authorization: basic(admin), "content-type": "application/json" },
    body: JSON.stringify({ lifetimeSeconds: 86_400, description: "bench" }),
  });
  if (response.status !== 201) throw new Error(`Could not create a token: HTTP ${response.status}`);
  const { tokenValue } = (await response.json()) as { tokenValue: string };
  const me = await fetch(`${url}/v4/people/current`, { headers: { authorization: `Bearer ${tokenValue}` } });
  const { id } = (await me.json()) as { id: string };
  return { tokenValue, userId: id };
}

async function insertTokens(databaseUrl: string, rows: TokenRow[]): Promise<void> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length));
    const iso = (d: Date | null) => d && d.toISOString().replace("Z", "+00:00");
    const insert = db.prepare(
      `INSERT INTO "AccessToken" ("id", "userId", "description", "secretHash", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const r of rows) insert.run(r.id, r.userId, r.description, r.secretHash, iso(r.createdAt), iso(r.expiresAt));
    })();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk.map(
        (_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`,
      );
      await client.query(
        `INSERT INTO "AccessToken" ("id", "userId", "description", "secretHash", "createdAt", "expiresAt") VALUES ${values.join(", ")}`,
        chunk.flatMap((r) => [r.id, r.userId, r.description, r.secretHash, r.createdAt, r.expiresAt]),
      );
    }
  } finally {
    await client.end();
  }
}

/** USAGE_DAYS of daily counts for every token (900,000 rows), made by the database itself in one statement. */
async function insertUsage(databaseUrl: string): Promise<void> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length));
    db.exec(`
      WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < ${USAGE_DAYS - 1})
      INSERT INTO "token_usage_days" ("tokenId", "day", "accepted", "refused")
      SELECT t."id", date('now', '-' || d.n || ' days'), abs(random()) % 100, abs(random()) % 3
      FROM "AccessToken" t, d`);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO "token_usage_days" ("tokenId", "day", "accepted", "refused")
      SELECT t."id", to_char((now() at time zone 'utc')::date - d, 'YYYY-MM-DD'), floor(random() * 100)::int, floor(random() * 3)::int
      FROM "AccessToken" t, generate_series(0, ${USAGE_DAYS - 1}) d`);
  } finally {
    await client.end();
  }
}

/** Signs in through next-auth's credentials provider and returns the Cookie header of the session. */
async function signIn(url: string, { email, password }: Credentials): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`Sign-in failed: HTTP ${callback.status}, no session cookie`);
  }
  return cookie();
}

export async function seed(url: string, databaseUrl: string, admin: Credentials): Promise<Seeded> {
  const { tokenValue, userId } = await createToken(url, admin);
  const start = Date.now() - 86_400_000;
  const rows: TokenRow[] = Array.from({ length: LIST_SIZE }, (_, i) => {
    const { tokenId, tokenValue: value } = generateToken();
    const createdAt = new Date(start + i * 1000);
    return { id: tokenId, userId, description: `bulk ${i}`, secretHash: hashToken(value), createdAt, expiresAt: null };
  });
  const expired = generateToken();
  rows.push({
    id: expired.tokenId,
    userId,
    description: "expired",
    secretHash: hashToken(expired.tokenValue),
    createdAt: new Date(start - 3_600_000),
    expiresAt: new Date(start),
  });
  await insertTokens(databaseUrl, rows);
  await insertUsage(databaseUrl);
  return {
    validToken: tokenValue,
    expiredToken: expired.tokenValue,
    unknownToken: generateToken().tokenValue,
    cookie: await signIn(url, admin),
  };
}
