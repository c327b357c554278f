// The one description of the REST API: the OpenAPI document (GET /v4/openapi.json) and the endpoint list
// (GET / with a token) are both generated from it, with the very zod schemas the route handlers validate with.
import { z } from "zod";
import { auditEventTypes } from "@/lib/audit/event-types";
import { createAccessTokenSchema, revokeAccessTokenSchema } from "@/lib/validations/access-token";
import { introspectionRequestSchema } from "@/lib/validations/introspection";
import { changePasswordSchema, createPersonSchema, updatePersonSchema } from "@/lib/validations/people";
import { tokenInventoryFiltersSchema } from "@/lib/validations/token-inventory";
import { DEFAULT_USAGE_DAYS, MAX_USAGE_DAYS } from "@/lib/validations/token-usage";
import { updateWorkspaceSettingsSchema } from "@/lib/validations/workspace-settings";
import type { ResponseSchemaName } from "./schemas";

export const TAGS = ["Endpoints", "Access tokens", "Forward auth", "People", "Workspace", "Audit", "Service"] as const;

/** A query parameter beyond limit and offset, with its JSON Schema. */
export type QueryParam = { name: string; description: string; schema: Record<string, unknown> };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/**
 * none: no credentials; bearer: a token (or the browser's session); bearerOrBasic: also email and password;
 * token: a token only (the forward-auth endpoints, for proxies and gateways).
 */
export type Auth = "none" | "bearer" | "bearerOrBasic" | "token";
export type Success = { status: 200 | 201 | 202 | 204; description: string; body?: ResponseSchemaName };

export type Operation = {
  method: HttpMethod;
  /** OpenAPI style: `{tokenId}` for a path parameter. */
  path: string;
  operationId: string;
  tag: (typeof TAGS)[number];
  /** One line: the summary in the document and the description in the endpoint list. */
  summary: string;
  description?: string;
  auth: Auth;
  adminOnly?: boolean;
  /** JSON, unless said otherwise (introspection takes a form, as RFC 7662 says). */
  body?: { name: string; schema: z.ZodType; form?: boolean };
  /** Headers of the success answer beyond Tessera-Token-Expires. */
  successHeaders?: Record<string, string>;
  paged?: boolean;
  query?: QueryParam[];
  pathParams?: Record<string, string>;
  success: Success;
  /** Error statuses beyond those that follow from the fields above (e.g. 409). */
  errors?: Array<{ status: number; description: string }>;
  /** Served without the database, so never a 503. */
  static?: boolean;
  /** false: an alias left out of the endpoint list. */
  listed?: boolean;
};

/** The query parameters of a zod object of strings, with their descriptions, as the document shows them. */
function queryParamsOf(schema: z.ZodObject): QueryParam[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema,
      description = "",
      ...json
    } = z.toJSONSchema(field as z.ZodType, {
      io: "input",
      unrepresentable: "any",
    }) as Record<string, unknown> & { description?: string };
    void $schema;
    return { name, description, schema: json };
  });
}

const tokenIdParam = { tokenId: "The token's public id (tokenInfo.tokenId)" };
const auditFilters: QueryParam[] = [
  { name: "personId", description: "Events by or about this person", schema: { type: "string" } },
  {
    name: "tokenId",
    description: "Events about this token, or done with it (its public id)",
    schema: { type: "string", pattern: "^[0-9A-Za-z]{16}$" },
  },
  {
    name: "type",
    description: "Only these event types: comma-separated, or the parameter repeated",
    schema: { type: "string", examples: auditEventTypes },
  },
  { name: "since", description: "Events at or after this ISO-8601 date or time", schema: { type: "string" } },
  { name: "until", description: "Events at or before this ISO-8601 date or time", schema: { type: "string" } },
];
const personIdParam = { id: "The person's id" };

export const operations: Operation[] = [
  {
    method: "GET",
    path: "/",
    operationId: "listEndpoints",
    tag: "Endpoints",
    auth: "bearer",
    summary: "List the REST API endpoints (this list)",
    description: "Only with an Authorization header: without one, / is the web app.",
    success: { status: 200, description: "The endpoints", body: "EndpointList" },
  },
  {
    method: "GET",
    path: "/v4",
    operationId: "listEndpointsV4",
    tag: "Endpoints",
    auth: "bearer",
    summary: "List the REST API endpoints (the same as GET /)",
    success: { status: 200, description: "The endpoints", body: "EndpointList" },
    listed: false,
  },
  {
    method: "GET",
    path: "/v4/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Endpoints",
    auth: "none",
    static: true,
    summary: "Get this OpenAPI 3.1 document (no authentication)",
    success: { status: 200, description: "The OpenAPI document", body: "OpenApiDocument" },
  },
  {
    method: "POST",
    path: "/v4/apiAccessTokens",
    operationId: "createAccessToken",
    tag: "Access tokens",
    auth: "bearerOrBasic",
    summary: "Create an API access token (Basic email:password or Bearer)",
    description:
      "Basic email:password is accepted here only: to get a first token, or a new one after the last expired. " +
      "lifetimeSeconds is a positive whole number, or -1 for a non-expiring token where the workspace allows it. " +
      "A token created with a token (Bearer) lives no longer than that token: at most its own lifetime, and " +
      "non-expiring only from a non-expiring token; renewing with the same lifetime works. scopes: " +
      '["api"] (read and write, the default) or ["read_api"] (reads only); an unknown scope is a 400 naming it. ' +
      "A read-only token cannot create tokens (403 insufficient_scope). Unknown fields are ignored.",
    body: { name: "CreateAccessTokenInput", schema: createAccessTokenSchema },
    success: { status: 201, description: "The token, with its value (shown only this once)", body: "CreatedToken" },
  },
  {
    method: "GET",
    path: "/v4/apiAccessTokens",
    operationId: "listAccessTokens",
    tag: "Access tokens",
    auth: "bearer",
    paged: true,
    summary: "List your API access tokens",
    success: { status: 200, description: "Your tokens, newest first", body: "TokenInfoList" },
  },
  {
    method: "GET",
    path: "/v4/apiAccessTokens/{tokenId}",
    operationId: "getAccessToken",
    tag: "Access tokens",
    auth: "bearer",
    pathParams: tokenIdParam,
    summary: "Get one API access token's details",
    description: "Yours, or any in the workspace for an admin; another person's token is a 404.",
    success: { status: 200, description: "The token's details", body: "TokenInfo" },
  },
  {
    method: "GET",
    path: "/v4/apiAccessTokens/{tokenId}/usage",
    operationId: "getAccessTokenUsage",
    tag: "Access tokens",
    auth: "bearer",
    pathParams: tokenIdParam,
    query: [
      {
        name: "days",
        description: `How many days back, today included (1 to ${MAX_USAGE_DAYS}; default ${DEFAULT_USAGE_DAYS})`,
        schema: { type: "integer", minimum: 1, maximum: MAX_USAGE_DAYS, default: DEFAULT_USAGE_DAYS },
      },
    ],
    summary: "Get what a token did: its daily use (accepted and refused) and the addresses it was used from",
    description:
      "Yours, or any in the workspace for an admin; another person's token is a 404. Counted per UTC day and " +
      "written every LAST_USED_INTERVAL_SECONDS: the instance answering includes its own latest uses, other " +
      "instances' arrive within that interval.",
    success: { status: 200, description: "The token's usage", body: "TokenUsage" },
  },
  {
    method: "DELETE",
    path: "/v4/apiAccessTokens/{tokenId}",
    operationId: "deleteAccessToken",
    tag: "Access tokens",
    auth: "bearer",
    pathParams: tokenIdParam,
    summary: "Delete an API access token",
    description: "It stops working with the next request, also when it authenticated this very request.",
    success: { status: 204, description: "Deleted" },
  },
  {
    method: "POST",
    path: "/v4/apiAccessTokens/revoke",
    operationId: "revokeLeakedAccessToken",
    tag: "Access tokens",
    auth: "none",
    summary: "Revoke a leaked API access token by its value (no authentication)",
    description:
      "For anyone who finds a token where it should not be: the token is deleted if the value is one. " +
      "The answer is the same whether or not it was, and for a value that is not a token at all.",
    body: { name: "RevokeAccessTokenInput", schema: revokeAccessTokenSchema },
    success: { status: 202, description: "Accepted: no such token works any more", body: "RevokeAccepted" },
    errors: [
      {
        status: 429,
        description: "Too many requests from this address (RATE_LIMIT_REVOKE_PER_MINUTE); see Retry-After",
      },
    ],
  },
  {
    method: "GET",
    path: "/v4/auth/verify",
    operationId: "verifyToken",
    tag: "Forward auth",
    auth: "token",
    summary: "Check a token for a reverse proxy (forward auth): 200 with its owner, or the error",
    description:
      "For nginx auth_request, Caddy forward_auth and Traefik forwardAuth (docs/proxies.md): the proxy passes " +
      "the client's Authorization header, and X-Forwarded-Method, -Uri, -Host and -For describing the request. " +
      "Every rule of the API applies (expired, blocked, deleted, throttled). Any method answers the same way. " +
      "The token's scopes are checked against the original request's method (X-Forwarded-Method, else this " +
      "request's): a read-only token asking for a write gets 403 insufficient_scope. " +
      "Errors also carry their code in the Tessera-Error header, for proxies that cannot pass a body on.",
    successHeaders: {
      "X-Tessera-User-Id": "The owner's person id",
      "X-Tessera-User-Email": "The owner's email",
      "X-Tessera-Token-Id": "The token's public id",
      "X-Tessera-Scopes": "The token's scopes, space-separated (api, read_api)",
    },
    errors: [{ status: 403, description: "insufficient_scope: a read-only token, and the original request writes" }],
    success: { status: 200, description: "The token is usable: its owner", body: "VerifiedToken" },
  },
  {
    method: "POST",
    path: "/v4/auth/introspect",
    operationId: "introspectToken",
    tag: "Forward auth",
    auth: "token",
    adminOnly: true,
    summary: "Introspect a token (RFC 7662) for an OAuth gateway, with an admin's token",
    description:
      'A form-encoded body: token=<value> (token_type_hint is accepted and ignored). Answers {"active": false} ' +
      "for anything not usable, never saying why; a value that is not a token counts against the caller's " +
      "address like an invalid token.",
    body: { name: "IntrospectionRequest", schema: introspectionRequestSchema, form: true },
    success: { status: 200, description: "Active or not", body: "Introspection" },
  },
  {
    method: "GET",
    path: "/v4/people/current",
    operationId: "getCurrentPerson",
    tag: "People",
    auth: "bearer",
    summary: "Get the person the credentials belong to",
    success: { status: 200, description: "You", body: "Person" },
  },
  {
    method: "PUT",
    path: "/v4/people/current/password",
    operationId: "changePassword",
    tag: "People",
    auth: "bearer",
    summary: "Change your password",
    description:
      "Existing tokens keep working. Every sign-in session of yours ends, except the browser session the " +
      "change was made with. A wrong current password counts against the account and the address like a " +
      "wrong sign-in, and is throttled the same way.",
    body: { name: "ChangePasswordInput", schema: changePasswordSchema },
    success: { status: 204, description: "Changed" },
    errors: [
      {
        status: 429,
        description: "Too many wrong passwords for this account or from this address; see Retry-After",
      },
    ],
  },
  {
    method: "GET",
    path: "/v4/people",
    operationId: "listPeople",
    tag: "People",
    auth: "bearer",
    adminOnly: true,
    paged: true,
    summary: "List the workspace's people (admin)",
    success: { status: 200, description: "The people", body: "PersonList" },
  },
  {
    method: "POST",
    path: "/v4/people",
    operationId: "createPerson",
    tag: "People",
    auth: "bearer",
    adminOnly: true,
    summary: "Add a person to the workspace (admin)",
    body: { name: "CreatePersonInput", schema: createPersonSchema },
    success: { status: 201, description: "The new person", body: "Person" },
    errors: [{ status: 409, description: "A person with this email already exists" }],
  },
  {
    method: "GET",
    path: "/v4/people/{id}",
    operationId: "getPerson",
    tag: "People",
    auth: "bearer",
    adminOnly: true,
    pathParams: personIdParam,
    summary: "Get a person (admin)",
    success: { status: 200, description: "The person", body: "Person" },
  },
  {
    method: "PATCH",
    path: "/v4/people/{id}",
    operationId: "updatePerson",
    tag: "People",
    auth: "bearer",
    adminOnly: true,
    pathParams: personIdParam,
    summary: "Change a person's name, role, status or token access (admin)",
    body: { name: "UpdatePersonInput", schema: updatePersonSchema },
    success: { status: 200, description: "The person as changed", body: "Person" },
    errors: [{ status: 409, description: "The change would leave no enabled admin, or disable yourself" }],
  },
  {
    method: "GET",
    path: "/v4/workspaces/current/apiAccessTokens",
    operationId: "listWorkspaceAccessTokens",
    tag: "Workspace",
    auth: "bearer",
    adminOnly: true,
    paged: true,
    query: queryParamsOf(tokenInventoryFiltersSchema),
    summary: "List every token of the workspace, with its owner and 30-day use (admin)",
    description:
      "The token inventory of Admin > Tokens: filter by person, status, never expiring, unused for N days, never " +
      "used; sort by creation, last use or expiry. Each bad filter is a 400 naming it.",
    success: { status: 200, description: "The tokens", body: "InventoryTokenList" },
  },
  {
    method: "GET",
    path: "/v4/workspaces/current/settings",
    operationId: "getWorkspaceSettings",
    tag: "Workspace",
    auth: "bearer",
    adminOnly: true,
    summary: "Get the workspace settings (admin)",
    success: { status: 200, description: "The settings", body: "WorkspaceSettings" },
  },
  {
    method: "PATCH",
    path: "/v4/workspaces/current/settings",
    operationId: "updateWorkspaceSettings",
    tag: "Workspace",
    auth: "bearer",
    adminOnly: true,
    summary: "Change the workspace settings (admin)",
    body: { name: "UpdateWorkspaceSettingsInput", schema: updateWorkspaceSettingsSchema },
    success: { status: 200, description: "The settings as changed", body: "WorkspaceSettings" },
  },
  {
    method: "GET",
    path: "/v4/auditEvents",
    operationId: "listAuditEvents",
    tag: "Audit",
    auth: "bearer",
    paged: true,
    query: auditFilters,
    summary: "List audit events: all of the workspace's for an admin, your own for anyone else",
    description:
      "Security-relevant events (token created, deleted, revoked, first used and used from a new address; " +
      "failed-authentication bursts; settings and people changed; passwords changed), newest first, with " +
      "the actor, how they authenticated, the client's address and user agent. Never a token value or a " +
      "password. A person who is not an admin sees the events about themselves, with the address, user agent " +
      "and token only of those they caused (null in the others); asking for another person's is a 403. " +
      "Events older than the retention (AUDIT_RETENTION_DAYS) are deleted.",
    success: { status: 200, description: "The events, newest first", body: "AuditEventList" },
    errors: [{ status: 403, description: "Not an admin, and personId names someone else" }],
  },
  {
    method: "GET",
    path: "/healthz",
    operationId: "getHealth",
    tag: "Service",
    auth: "none",
    summary: "Health check (no authentication)",
    description:
      "200 when the database can be written now. 503 database_unavailable when it cannot: unreachable, " +
      "refusing connections, dropped or read-only; with SQLite also when the file was deleted, replaced or " +
      "made unwritable (the app then opens the file at the path again by itself, never creating one).",
    success: { status: 200, description: "The database can be written", body: "Health" },
  },
];
