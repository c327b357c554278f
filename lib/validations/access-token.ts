import { z } from "zod";
import { DAY_SECONDS, NON_EXPIRING } from "@/lib/tokens/policy";
import { required, strictObjectErrors } from "./common";

export const MAX_DESCRIPTION_LENGTH = 255;
/** No token, even where lifetimes are unlimited, outlives a century: it keeps dates representable. */
export const MAX_LIFETIME_DAYS = 36_500;

const description = z
  .string({ error: "must be a string" })
  .trim()
  .max(MAX_DESCRIPTION_LENGTH, { error: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: "must not contain control characters" });

function lifetime(unit: "seconds" | "days", max: number) {
  return z
    .number({ error: required("a number") })
    .int({ error: `must be a whole number of ${unit}` })
    .refine((n) => n === NON_EXPIRING || n > 0, {
      error: `must be a positive number of ${unit}, or -1 for a non-expiring token`,
    })
    .refine((n) => n <= max, { error: `must be at most ${max} ${unit}` });
}

/** Body of POST /v4/apiAccessTokens. */
export const createAccessTokenSchema = z.strictObject(
  {
    lifetimeSeconds: lifetime("seconds", MAX_LIFETIME_DAYS * DAY_SECONDS),
    description: description.optional().default(""),
  },
  strictObjectErrors,
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
});
export type GenerateTokenFormInput = z.infer<typeof generateTokenFormSchema>;

/** Body of POST /v4/apiAccessTokens/revoke. Any string is accepted: a malformed one revokes nothing. */
export const revokeAccessTokenSchema = z.strictObject(
  { tokenValue: z.string({ error: required("a string") }) },
  strictObjectErrors,
);
export type RevokeAccessTokenInput = z.infer<typeof revokeAccessTokenSchema>;
