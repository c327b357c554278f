// The live fuzz run: fast-check, with a fixed seed, generates a bounded number of requests over every operation of
// the served OpenAPI document (random methods, path variations and absurd ids, queries, credentials, content
// types, bodies derived from the request schemas mixed with garbage) and sends them to the running app.
// It fails on any 5xx, on an error under /v4 that is not the contract's JSON, or on a request that hangs, and
// prints the seed and each offending request (credentials as placeholders, never their values).
//
// The fuzz keeps to itself: its own admin, user and victim created here (never the shared admin), its own
// forwarded-for address per request (so the brute-force throttle never blocks the address other files use),
// and whatever a successful PATCH changes on its people or the workspace settings is put back at once.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SEED } from "@/test/support/fast-check";
import {
  adminSession,
  api,
  basicHeader,
  bearer,
  createPerson,
  createToken,
  createUserWithToken,
  getSettings,
  patchSettings,
  type Auth,
  type List,
  type Person,
  type UserWithToken,
  type WorkspaceSettings,
} from "./support/client";
import {
  fuzzRequest,
  VICTIM_TOKEN,
  type DocumentedOperation,
  type FuzzRequest,
  type JsonSchema,
} from "./support/fuzz-requests";
import { raw, type RawResponse } from "./support/raw";

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);
const TIMEOUT_MS = 10_000;

type Fuzzer = {
  user: UserWithToken;
  admin: UserWithToken;
  victim: UserWithToken;
  deletedToken: string;
  settings: WorkspaceSettings;
  session: Auth;
  /** The enabled admins before the fuzz: the others (its own, any it adds) are demoted afterwards. */
  adminsBefore: Set<string>;
};
let fuzzer: Fuzzer;
let operations: DocumentedOperation[];

/** Every operation of the served document, with its path and query parameters and its body's schema. */
async function documentedOperations(): Promise<DocumentedOperation[]> {
  const response = await api<{
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, JsonSchema> };
  }>("GET", "/v4/openapi.json");
  expect(response.status).toBe(200);
  const { paths, components } = response.body;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = (operation.parameters ?? []) as { name: string; in: string }[];
      const ref = (operation.requestBody as { content?: Record<string, { schema: { $ref: string } }> } | undefined)
        ?.content?.["application/json"]?.schema.$ref;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === "query").map((p) => p.name),
        body: ref ? components.schemas[ref.split("/").pop() ?? ""] : undefined,
      };
    }),
  );
}

/** Every enabled admin's id, read with the shared admin's session. */
async function enabledAdmins(session: Auth): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api<List<Person>>("GET", `/v4/people?limit=100&offset=${offset}`, { auth: session });
    expect(page.status, page.text).toBe(200);
    ids.push(...page.body.data.filter((p) => p.isAdmin && !p.isDisabled).map((p) => p.id));
    if (page.body.data.length < 100) return ids;
  }
}

beforeAll(async () => {
  operations = await documentedOperations();
  const session = await adminSession();
  const adminsBefore = new Set(await enabledAdmins(session));
  const admin = await createPerson({ isAdmin: true }, "fuzz-admin");
  const adminToken = await createToken({ basic: { email: admin.email, password: admin.password } });
  const user = await createUserWithToken("fuzz-user", 7200);
  const victim = await createUserWithToken("fuzz-victim", 7200);
  const deleted = await createToken(bearer(user.token));
  expect(
    (await api("DELETE", `/v4/apiAccessTokens/${deleted.tokenInfo.tokenId}`, { auth: bearer(user.token) })).status,
  ).toBe(204);
  fuzzer = {
    user,
    admin: { ...admin, token: adminToken },
    victim,
    deletedToken: deleted.tokenValue,
    settings: await getSettings(),
    session,
    adminsBefore,
  };
});

// Other files count the enabled admins: the fuzz leaves none of its own behind.
afterAll(async () => {
  if (!fuzzer) return;
  await restore();
  for (const id of await enabledAdmins(fuzzer.session)) {
    if (fuzzer.adminsBefore.has(id)) continue;
    const response = await api("PATCH", `/v4/people/${id}`, { auth: fuzzer.session, json: { isAdmin: false } });
    expect(response.status, response.text).toBe(200);
  }
});

/** Puts back what a successful PATCH may have changed: the fuzz's people and the workspace settings. */
async function restore(): Promise<void> {
  await patchSettings(fuzzer.settings, fuzzer.session);
  const people: [Person, Partial<Person>][] = [
    [fuzzer.admin.person, { isAdmin: true }],
    [fuzzer.user.person, { canGenerateApiAccessTokens: true }],
    [fuzzer.victim.person, { canGenerateApiAccessTokens: true }],
  ];
  for (const [person, flags] of people) {
    const response = await api("PATCH", `/v4/people/${person.id}`, {
      auth: fuzzer.session,
      json: { name: person.name, isAdmin: false, isDisabled: false, canGenerateApiAccessTokens: false, ...flags },
    });
    expect(response.status, response.text).toBe(200);
  }
}

function mutate(value: string, at: number, char: string): string {
  const i = at % value.length;
  return value.slice(0, i) + char + value.slice(i + 1);
}

function authorization(request: FuzzRequest): string | undefined {
  const a = request.auth;
  switch (a.kind) {
    case "none":
      return undefined;
    case "token":
      return `Bearer ${fuzzer[a.who].token.tokenValue}`;
    case "mutated-token":
      return `Bearer ${mutate(fuzzer[a.who].token.tokenValue, a.at, a.char)}`;
    case "deleted-token":
      return `Bearer ${fuzzer.deletedToken}`;
    case "basic":
      return basicHeader(a.email, a.password);
    case "basic-known-email":
      return basicHeader(fuzzer[a.who].email, a.password);
    case "raw":
      return a.value;
  }
}

function bodyOf(request: FuzzRequest): Buffer | Buffer[] | undefined {
  const b = request.body;
  const fill = (text: string) => text.replaceAll(VICTIM_TOKEN, fuzzer.victim.token.tokenValue);
  switch (b.kind) {
    case "none":
      return undefined;
    case "json":
      return Buffer.from(fill(JSON.stringify(b.value) ?? "null"));
    case "text":
      return Buffer.from(b.text);
    case "bytes":
      return Buffer.from(b.bytes);
    case "chunked": {
      const size = Math.ceil(b.text.length / b.chunks);
      return Array.from({ length: b.chunks }, (_, i) => Buffer.from(b.text.slice(i * size, (i + 1) * size)));
    }
  }
}

/** The path as sent: known ids filled in, the rest exactly as generated. */
function pathOf(request: FuzzRequest): string {
  // A Map, not an object: a generated id such as "toString" must not find Object.prototype's.
  const known = new Map([
    ["<victim-token-id>", fuzzer.victim.token.tokenInfo.tokenId],
    ["<victim-person-id>", fuzzer.victim.person.id],
    ["<user-person-id>", fuzzer.user.person.id],
    ["<admin-person-id>", fuzzer.admin.person.id],
  ]);
  let path = request.path;
  for (const [name, value] of Object.entries(request.params))
    path = path.replace(`{${name}}`, known.get(value) ?? value);
  return `${path}${request.query}`;
}

async function send(request: FuzzRequest): Promise<RawResponse> {
  const headers: Record<string, string> = {
    ...request.headers,
    // A documentation range (RFC 2544), one address per request: the throttle counts this fuzz apart.
    "X-Forwarded-For": `198.18.${request.address >> 8}.${request.address & 255}`,
  };
  const auth = authorization(request);
  if (auth !== undefined) headers.Authorization = auth;
  if (request.contentType !== null) headers["Content-Type"] = request.contentType;
  return raw(request.method, pathOf(request), { headers, body: bodyOf(request), timeoutMs: TIMEOUT_MS });
}

/** What is wrong with the response, or null. */
function problemWith(request: FuzzRequest, response: RawResponse): string | null {
  if (response.status >= 500) return `a ${response.status}`;
  // The API is /v4 and below (and / with an Authorization header), after `..` is resolved as the server does;
  // `/v4%2F`, `/V4` or `/v4/../x` are page paths.
  const path = new URL(`http://tessera.test${pathOf(request)}`).pathname;
  const underApi = /^\/v4(\/|$)/.test(path) || (path === "/" && request.auth.kind !== "none");
  if (underApi && response.status >= 400 && request.method !== "HEAD") {
    const body = response.body as { error?: { code?: unknown; message?: unknown } };
    const ok =
      /^application\/json/.test(response.headers["content-type"] ?? "") &&
      typeof body?.error?.code === "string" &&
      typeof body.error.message === "string";
    if (!ok) return `a ${response.status} that is not the contract's JSON error`;
  }
  for (const who of ["user", "admin", "victim"] as const) {
    const secret = fuzzer[who].token.tokenValue.slice(21, -6);
    if (response.text.includes(secret)) return `a response that echoes the ${who}'s token`;
  }
  return null;
}

/** A successful change to the fuzz's people or the workspace is undone before the next request. */
function changedState(request: FuzzRequest, response: RawResponse): boolean {
  return request.method === "PATCH" && response.status === 200;
}

function describeRequest(index: number, request: FuzzRequest, problem: string, response?: RawResponse): string {
  const shown = JSON.stringify(request, (_key, value: unknown) =>
    value instanceof Uint8Array
      ? `<${value.length} bytes>`
      : typeof value === "string" && value.length > 200
        ? `${value.slice(0, 200)}…(${value.length})`
        : value,
  );
  const answer = response ? ` → ${response.status} ${response.text.slice(0, 200)}` : "";
  return `#${index} ${problem}: ${request.method} ${pathOf(request).slice(0, 200)}${answer}\n   ${shown}`;
}

describe("fuzz: random requests against the live app", () => {
  test(
    `${REQUESTS} requests (seed ${SEED}): no 5xx, no non-JSON API error, no hang`,
    { timeout: 240_000 },
    async () => {
      const knownIds = ["<victim-token-id>", "<victim-person-id>", "<user-person-id>", "<admin-person-id>"];
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let index = 0;
      await fc.assert(
        fc.asyncProperty(fuzzRequest(operations, knownIds), async (request) => {
          const n = index++;
          let response: RawResponse;
          try {
            response = await send(request);
          } catch (error) {
            failures.push(describeRequest(n, request, `no answer (${error instanceof Error ? error.message : error})`));
            return;
          }
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const problem = problemWith(request, response);
          if (problem) failures.push(describeRequest(n, request, problem, response));
          if (changedState(request, response)) await restore();
        }),
        { seed: SEED, numRuns: REQUESTS },
      );
      const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
      console.log(`fuzz: seed ${SEED}, ${index} requests: ${summary.join(" ")}`);
      expect(failures, `seed ${SEED}: ${failures.length} bad answers\n${failures.slice(0, 30).join("\n")}`).toEqual([]);
      // The app keeps answering, and the fuzz's own credentials still work.
      expect((await api("GET", "/healthz")).status).toBe(200);
      expect((await api("GET", "/v4/people/current", { auth: bearer(fuzzer.user.token) })).status).toBe(200);
    },
  );
});
