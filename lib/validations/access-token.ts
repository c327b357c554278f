import { z } from "zod";
import { DAY_SECONDS, NON_EXPIRING } from "@/lib/tokens/policy";
import { DEFAULT_SCOPES, isScope, normalizeScopes, SCOPES, type Scope } from "@/lib/tokens/scopes";
import { objectErrors, plainText, required } from "./common";

export const MAX_DESCRIPTION_LENGTH = 255;
/** No token, even where lifetimes are unlimited, outlives a century: it keeps dates representable. */
export const MAX_LIFETIME_DAYS = 36_500;

const description = plainText({ max: MAX_DESCRIPTION_LENGTH });

function lifetime(unit: "seconds" | "days", max: number) {
  return z
    .number({ error: required("a number") })
    .int({ error: `must be a whole number of ${unit}` })
    .refine((n) => n === NON_EXPIRING || n > 0, {
      error: `must be a positive number of ${unit}, or -1 for a non-expiring token`,
    })
    .refine((n) => n <= max, { error: `must be at most ${max} ${unit}` });
}

const knownScopes = SCOPES.join(", ");

/** A short, safe name for what was sent in a scope's place (it may be any JSON, deeply nested). */
function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "(a list)" : "(an object)";
}

/** What a new token may do: a list of scope names, checked as a whole so that the message names the field. */
const scopes = z
  .array(z.unknown(), { error: required(`a list of scope names (${knownScopes})`) })
  .check((ctx) => {
    const unknown = ctx.value.find((scope) => !isScope(scope));
    const problem =
      ctx.value.length === 0
        ? `must name at least one scope (${knownScopes})`
        : unknown !== undefined
          ? `unknown scope ${describeValue(unknown)}; the scopes are ${knownScopes}`
          : null;
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  })
  .transform((list) => normalizeScopes(list as Scope[]));

/** Body of POST /v4/apiAccessTokens. */
export const createAccessTokenSchema = z.object(
  {
    lifetimeSeconds: lifetime("seconds", MAX_LIFETIME_DAYS * DAY_SECONDS),
    description: description.optional().default(""),
    scopes: scopes
      .optional()
      .transform((list) => list ?? [...DEFAULT_SCOPES])
      .describe(
        'What the token may do: ["api"] (read and write, the default) or ["read_api"] (only GET and HEAD requests)',
      ),
  },
  objectErrors,
);
export type CreateAccessTokenInput = z.infer<typeof createAccessTokenSchema>;

/** The Generate New Token dialog: lifetime in days, as typed. */
export const generateTokenFormSchema = z.object({
  lifetimeDays: z
    .string()
    .trim()
    .min(1, { error: "Enter a number of days" })
    .regex(/^-?\d+$/, { error: "Enter a whole number of days, or -1 for a non-expiring token" })
    .transform(Number)
    .pipe(lifetime("days", MAX_LIFETIME_DAYS)),
  description: description,
  access: z.enum(["read_write", "read_only"], { error: "Choose Read and write or Read only" }).default("read_write"),
});
export type GenerateTokenFormInput = z.infer<typeof generateTokenFormSchema>;

/** Body of POST /v4/apiAccessTokens/revoke. Any string is accepted: a malformed one revokes nothing. */
export const revokeAccessTokenSchema = z.object(
  { tokenValue: z.string({ error: required("a string") }) },
  objectErrors,
);
export type RevokeAccessTokenInput = z.infer<typeof revokeAccessTokenSchema>;
