// Generates the OpenAPI 3.1 document from the registry, with zod 4's own JSON Schema output (draft 2020-12,
// which is OpenAPI 3.1's schema dialect): request bodies as the schemas accept them, responses as they are sent.
import { z } from "zod";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/http/pagination";
import { scopeNeededFor } from "@/lib/tokens/scopes";
import { operations, TAGS, type Operation } from "./registry";
import { responseSchemas } from "./schemas";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every error status: its description and, for the reader, the codes it may carry. */
export const errorResponses: Record<number, string> = {
  400: "Bad input: invalid_request, with a message naming the field at fault",
  401: "Not authenticated: missing_credentials, invalid_token, token_expired, token_blocked or invalid_credentials",
  403:
    "Authenticated but not allowed: forbidden, or insufficient_scope (a read-only token sent a write; " +
    'WWW-Authenticate: Bearer error="insufficient_scope", scope="api")',
  404: "Not found (also another person's token: its existence is never revealed)",
  405: "A method the path does not document (tokens are immutable); the Allow header lists those it does",
  409: "Conflict",
  413: "The body is larger than 16 KiB",
  415: "The body is not sent in the operation's content type (application/json; a form for introspection)",
  429: "Too many failed attempts from this address or for this account: too_many_attempts; retry after Retry-After seconds",
  503: "The database is unavailable; try again after Retry-After seconds",
};

/** The error statuses an operation may answer with, from what it takes and who may call it. */
export function errorStatuses(op: Operation): number[] {
  const statuses = new Set<number>(op.static ? [] : [503]);
  // Failed passwords and invalid tokens are throttled, so anything that authenticates may answer 429.
  if (op.auth !== "none") [401, 429].forEach((s) => statuses.add(s));
  // Admin routes refuse others; token creation follows the policy; a session cookie must be same-origin to change.
  if (op.adminOnly || op.auth === "bearerOrBasic" || op.method !== "GET") statuses.add(403);
  if (op.body || op.paged || op.query) statuses.add(400);
  if (op.body) [413, 415].forEach((s) => statuses.add(s));
  if (op.pathParams) statuses.add(404);
  if (op.auth === "none") [401, 403, 429].forEach((s) => statuses.delete(s));
  for (const e of op.errors ?? []) statuses.add(e.status);
  return [...statuses].sort((a, b) => a - b);
}

function componentSchemas(): Json {
  const requests = z.registry<{ id: string }>();
  for (const op of operations) if (op.body) requests.add(op.body.schema, { id: op.body.name });
  const responses = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(responseSchemas)) responses.add(schema, { id });
  const uri = (id: string) => `#/components/schemas/${id}`;
  const input = z.toJSONSchema(requests, { io: "input", uri, unrepresentable: "any" }).schemas;
  const output = z.toJSONSchema(responses, { io: "output", uri }).schemas;
  const all: Json = {};
  for (const [id, schema] of Object.entries({ ...input, ...output })) {
    const { $schema, $id, ...rest } = schema as Json;
    void $schema;
    void $id;
    all[id] = rest;
  }
  return all;
}

const pageParameters = [
  {
    name: "limit",
    in: "query",
    description: `Page size, default ${DEFAULT_LIMIT}`,
    schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  {
    name: "offset",
    in: "query",
    description: "Items to skip, default 0",
    schema: { type: "integer", minimum: 0, default: 0 },
  },
];

/**
 * Who may call: for a token, the scope it needs (OpenAPI 3.1 lets a non-OAuth scheme list the roles required).
 * The method decides (lib/tokens/scopes.ts); verify needs the scope of the request it is asked about.
 */
function security(op: Operation): Json[] | undefined {
  if (op.auth === "none") return [];
  const scopes = op.path === "/v4/auth/verify" ? [] : [scopeNeededFor(op.method)];
  if (op.auth === "token") return [{ bearerToken: scopes }];
  const bearer = [{ bearerToken: scopes }, { sessionCookie: [] }];
  return op.auth === "bearerOrBasic" ? [...bearer, { emailPassword: [] }] : bearer;
}

// Set by lib/http/authenticated-route.ts (TOKEN_EXPIRES_HEADER) on answers to token-authenticated requests.
const tokenExpiresHeader = {
  "Tessera-Token-Expires": {
    description:
      "Only when a token authenticated the request: when that token stops working (ISO 8601): its expiry, or " +
      "earlier under the workspace's maximum lifetime (as its TokenInfo.expiredAt), or `never`. " +
      "Also sent on errors after authentication, so scripts can warn before they break.",
    schema: { type: "string", examples: ["2026-12-31T12:00:00.000Z", "never"] },
  },
};

const FORM = "application/x-www-form-urlencoded";

function successHeaders(op: Operation): Json {
  const entries = Object.entries(op.successHeaders ?? {});
  return Object.fromEntries(entries.map(([name, description]) => [name, { description, schema: { type: "string" } }]));
}

function operationObject(op: Operation): Json {
  const responses: Json = {
    [op.success.status]: {
      description: op.success.description,
      ...(op.auth !== "none" && { headers: { ...successHeaders(op), ...tokenExpiresHeader } }),
      ...(op.success.body && { content: { "application/json": { schema: ref(op.success.body) } } }),
    },
  };
  for (const status of errorStatuses(op)) {
    const special = op.errors?.find((e) => e.status === status)?.description;
    responses[status] = special
      ? { description: special, content: { "application/json": { schema: ref("Error") } } }
      : { $ref: `#/components/responses/Error${status}` };
  }
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, description]) => ({
      name,
      in: "path",
      required: true,
      description,
      schema: { type: "string" },
    })),
    ...(op.paged ? pageParameters : []),
    ...(op.query ?? []).map((param) => ({ ...param, in: "query" })),
  ];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && {
      requestBody: {
        required: true,
        content: { [op.body.form ? FORM : "application/json"]: { schema: ref(op.body.name) } },
      },
    }),
    security: security(op),
    responses,
  };
}

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const responses: Json = {};
  for (const [status, description] of Object.entries(errorResponses)) {
    responses[`Error${status}`] = { description, content: { "application/json": { schema: ref("Error") } } };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tessera REST API",
      version: "4",
      description:
        "API access tokens for scripts. Send `Authorization: Bearer <tokenValue>` with every request; get a first " +
        "token with your email and password (Basic) from POST /v4/apiAccessTokens. JSON in and out; timestamps " +
        'are ISO-8601 UTC. Every error is `{"error": {"code", "message"}}`. A method a path does not ' +
        "document answers 405 with that body and an Allow header. Fields of a request body that an operation " +
        "does not know are ignored; a __proto__, constructor or prototype key anywhere in a body is a 400. " +
        "With several workspaces (WORKSPACE_DOMAIN), each is served at its own host name, and a host that names " +
        "no workspace answers every path with 404 workspace_not_found.",
    },
    servers: [{ url: "/", description: "This Tessera" }],
    tags: TAGS.map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      responses,
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "An API access token: Authorization: Bearer <tokenValue>. Its scopes (TokenInfo.scopes) decide what it " +
            "may do: api, everything; read_api, only GET and HEAD. Each operation lists the scope it needs.",
        },
        emailPassword: {
          type: "http",
          scheme: "basic",
          description: "Email and password; accepted only by POST /v4/apiAccessTokens",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The web app's sign-in session (browser only); changes must be same-origin. Refused once the " +
            "session is signed out, its person changes their password or is disabled, or it expires",
        },
      },
    },
  };
}

/** The endpoint list of GET / with a token: the registry's operations, less aliases. */
export function endpointList(): Array<{ method: Operation["method"]; path: string; description: string }> {
  return operations
    .filter((op) => op.listed !== false)
    .map((op) => ({ method: op.method, path: op.path, description: op.summary }));
}
