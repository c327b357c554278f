// Two or more production instances sharing one fresh PostgreSQL database, and a small client for them.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { startTestServer, TEST_ADMIN, type TestServer } from "../support/server";

export type Cluster = { database: TestDatabase; instances: TestServer[]; stop(): Promise<void> };

/** Starts the instances at the same moment against an empty database (they must take turns migrating). */
export async function startCluster(ports: number[], env: Record<string, string> = {}): Promise<Cluster> {
  const database = await createTestDatabase("tessera_cluster");
  const shared = { DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), ...env };
  const instances = await Promise.all(ports.map((port) => startTestServer(port, shared)));
  return {
    database,
    instances,
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await database.drop();
    },
  };
}

export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export type Reply = { status: number; body: Record<string, unknown> };

export async function call(base: string, method: string, path: string, auth: string, json?: unknown): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: auth, ...(json === undefined ? {} : { "Content-Type": "application/json" }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export const bearer = (token: string) => `Bearer ${token}`;
export const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;
export const adminBasic = () => basic(TEST_ADMIN.email, TEST_ADMIN.password);

export async function createToken(base: string, auth: string, lifetimeSeconds = 3600): Promise<string> {
  const reply = await call(base, "POST", "/v4/apiAccessTokens", auth, { lifetimeSeconds });
  if (reply.status !== 201) throw new Error(`token creation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return String(reply.body.tokenValue);
}

export function tokenIdOf(tokenValue: string): string {
  return tokenValue.slice("tsr_".length, "tsr_".length + 16);
}

/** A member with individual token access and a token of their own. */
export async function createMember(base: string, adminToken: string): Promise<{ id: string; token: string }> {
  const email = `member-${randomBytes(4).toString("hex")}@tessera.test`;
  const password = "member-password-1";
  const person = await call(base, "POST", "/v4/people", bearer(adminToken), { email, name: "Member", password });
  const id = String(person.body.id);
  await call(base, "PATCH", `/v4/people/${id}`, bearer(adminToken), { canGenerateApiAccessTokens: true });
  return { id, token: await createToken(base, basic(email, password)) };
}
