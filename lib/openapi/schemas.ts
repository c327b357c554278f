// Zod schemas of the response bodies, named for the OpenAPI document's components. The request bodies are the
// schemas in lib/validations that the route handlers parse with; the two together describe the whole API.
import { z } from "zod";
import { auditEventTypes } from "@/lib/audit/event-types";
import { AUTH_METHODS } from "@/lib/audit/source";
import type { ExpiryLimit, TokenStatus } from "@/lib/tokens/policy";
import { SCOPES } from "@/lib/tokens/scopes";

const TOKEN_STATUSES = ["active", "expired", "blocked"] as const satisfies readonly TokenStatus[];
const EXPIRY_LIMITS = ["lifetime", "workspace_maximum"] as const satisfies readonly ExpiryLimit[];
const timestamp = z.iso.datetime().describe("ISO-8601 UTC timestamp");

export const tokenInfoSchema = z
  .strictObject({
    tokenId: z.string().describe("The public identifier shown in the UI; it cannot authenticate"),
    description: z.string(),
    status: z.enum(TOKEN_STATUSES).describe("blocked: not expired, but refused under the workspace's current policy"),
    expiredAt: timestamp
      .nullable()
      .describe(
        "When the token stops working for time alone: its own expiry, or createdAt + the workspace's maximum " +
          "lifetime when an admin has lowered that below the token's lifetime; null = never",
      ),
    expiryLimit: z
      .enum(EXPIRY_LIMITS)
      .nullable()
      .describe(
        "Which limit sets expiredAt: lifetime (the token's own; past it the status is expired) or " +
          "workspace_maximum (past it the status is blocked, and raising the maximum restores the token); " +
          "null when the token never expires",
      ),
    lastUsed: timestamp.nullable(),
    createdAt: timestamp,
    scopes: z
      .array(z.enum(SCOPES))
      .describe("What the token may do: api (read and write) or read_api (only GET and HEAD); fixed at creation"),
  })
  .describe("Everything about a token except its value");

export const createdTokenSchema = z
  .strictObject({
    tokenValue: z.string().describe("The token: send it as Authorization: Bearer <tokenValue>. Shown only once."),
    tokenInfo: tokenInfoSchema,
  })
  .describe("The only response that ever carries a token's value");

export const personSchema = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    isDisabled: z.boolean(),
    canGenerateApiAccessTokens: z.boolean(),
    createdAt: timestamp,
    lastLoginTime: timestamp.nullable(),
  })
  .describe("A person of the workspace (never a password or hash)");

export const workspaceSettingsSchema = z.strictObject({
  apiAccessTokensEnabled: z.boolean(),
  usersCanGenerateApiAccessTokens: z.boolean(),
  maxUserTokenLifetimeDays: z.int().describe("The longest lifetime a token may have, in days; -1 = unlimited"),
});

function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    count: z.int().nonnegative().describe("The total number of items, not only those on this page"),
  });
}

export const personSummarySchema = personSchema
  .extend({ apiAccessTokenCount: z.int().nonnegative().describe("How many tokens the person holds") })
  .describe("A person, as listed");

export const tokenInfoListSchema = listOf(tokenInfoSchema);
export const personListSchema = listOf(personSummarySchema);

export const endpointSchema = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  path: z.string(),
  description: z.string(),
});
export const endpointListSchema = listOf(endpointSchema);

const nullableId = z.string().nullable();

export const auditEventSchema = z
  .strictObject({
    id: z.string(),
    type: z.enum(auditEventTypes).describe("What happened"),
    occurredAt: timestamp,
    actor: z
      .strictObject({
        personId: nullableId.describe("Who acted; null when nobody was authenticated"),
        email: z.string().nullable().describe("Their email now; null when unknown or deleted"),
        method: z.enum(AUTH_METHODS).describe("How they authenticated"),
        tokenId: nullableId.describe(
          "The token they authenticated with, when method is token; null for a person who is not an admin " +
            "reading an event someone else caused",
        ),
      })
      .describe("Who did it"),
    person: z
      .strictObject({ id: z.string(), email: z.string().nullable() })
      .nullable()
      .describe("The person the event is about: a token's owner, the person created or changed"),
    tokenId: nullableId.describe("The token the event is about (its public id)"),
    clientAddress: z
      .string()
      .nullable()
      .describe(
        "The client's address (see TRUST_PROXY); null for a person who is not an admin reading an event " +
          "someone else caused (an admin's change, an anonymous revocation or failed sign-ins)",
      ),
    userAgent: z
      .string()
      .nullable()
      .describe("The client's User-Agent, cut to 256 characters; null where clientAddress is"),
    details: z
      .record(z.string(), z.unknown())
      .describe(
        "Per type: method and lifetimeSeconds of token.created; before and after of a change; dimension of auth.throttled",
      ),
  })
  .describe("One entry of the audit trail: never a token value or a password");

export const auditEventListSchema = listOf(auditEventSchema);

export const healthSchema = z.strictObject({ status: z.literal("ok") });

export const revokeAcceptedSchema = z
  .strictObject({ status: z.literal("accepted") })
  .describe("The same answer whether or not the value was a token");

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe("A stable machine-readable code, such as invalid_token or not_found"),
      message: z.string().describe("What is wrong, for a person; a 400 names the field at fault"),
    }),
  })
  .describe("The body of every error response");

export const openApiDocumentSchema = z.looseObject({ openapi: z.string() }).describe("This OpenAPI 3.1 document");

export const verifiedTokenSchema = z
  .strictObject({
    personId: z.string(),
    email: z.string(),
    tokenId: z.string(),
    expiresAt: z.string().nullable().describe("When the token stops working (ISO 8601); null: never"),
    scopes: z.array(z.enum(SCOPES)).describe("What the token may do (X-Tessera-Scopes, space-separated)"),
  })
  .describe("The token's owner; the same as the X-Tessera-* headers of this answer");

export const introspectionSchema = z
  .union([
    z.strictObject({ active: z.literal(false) }),
    z.strictObject({
      active: z.literal(true),
      sub: z.string().describe("The owner's person id"),
      username: z.string().describe("The owner's email"),
      token_type: z.literal("Bearer"),
      exp: z.number().int().optional().describe("When it stops working (seconds since the epoch); absent: never"),
      iat: z.number().int().describe("When it was created (seconds since the epoch)"),
      client_id: z.string().describe("The token's public id"),
      scope: z.string().describe("The token's scopes, space-separated: api, read_api"),
    }),
  ])
  .describe("RFC 7662: inactive, with no reason; or active, with whose token it is and until when");

const utcDay = z.string().describe("A UTC day, YYYY-MM-DD");

export const tokenUsageSchema = z
  .strictObject({
    tokenId: z.string(),
    days: z.int().describe("How many days the figures cover, today included"),
    from: utcDay,
    to: utcDay,
    totals: z.strictObject({ accepted: z.int().nonnegative(), refused: z.int().nonnegative() }),
    daily: z
      .array(z.strictObject({ day: utcDay, accepted: z.int().nonnegative(), refused: z.int().nonnegative() }))
      .describe(
        "Every day of the range, oldest first: requests the token authenticated (accepted) and requests refused " +
          "for it (refused: expired, blocked by policy, or beyond its scopes)",
      ),
    clients: z
      .array(
        z.strictObject({
          address: z.string(),
          userAgent: z.string().describe("As sent, cut to 200 characters; empty when none was sent"),
          firstSeen: timestamp,
          lastSeen: timestamp,
          count: z.int().positive().describe("Requests authenticated from this address with this user agent"),
        }),
      )
      .describe("Where the token was used from, the most recently seen first (at most 100)"),
  })
  .describe("What a token did: its daily use and where from");

export const inventoryTokenSchema = tokenInfoSchema
  .extend({
    owner: z.strictObject({ id: z.string(), email: z.string(), name: z.string() }),
    uses30d: z.int().nonnegative().describe("Requests the token authenticated in the last 30 days"),
  })
  .describe("A token of the workspace, as an admin's inventory lists it");

export const inventoryListSchema = listOf(inventoryTokenSchema);

/** The response schemas by their component name. */
export const responseSchemas = {
  TokenInfo: tokenInfoSchema,
  CreatedToken: createdTokenSchema,
  TokenInfoList: tokenInfoListSchema,
  Person: personSchema,
  PersonSummary: personSummarySchema,
  PersonList: personListSchema,
  WorkspaceSettings: workspaceSettingsSchema,
  Endpoint: endpointSchema,
  EndpointList: endpointListSchema,
  AuditEvent: auditEventSchema,
  AuditEventList: auditEventListSchema,
  Health: healthSchema,
  RevokeAccepted: revokeAcceptedSchema,
  Error: errorSchema,
  OpenApiDocument: openApiDocumentSchema,
  VerifiedToken: verifiedTokenSchema,
  Introspection: introspectionSchema,
  TokenUsage: tokenUsageSchema,
  InventoryToken: inventoryTokenSchema,
  InventoryTokenList: inventoryListSchema,
} as const;
export type ResponseSchemaName = keyof typeof responseSchemas;
