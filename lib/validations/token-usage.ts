import { z } from "zod";

export const DEFAULT_USAGE_DAYS = 90;
/** A year: the page shows 90 days; scripts may ask for more, as far as the audit trail keeps them. */
export const MAX_USAGE_DAYS = 366;

/** The ?days= of GET /v4/apiAccessTokens/:tokenId/usage. */
export const usageQuerySchema = z.object({
  days: z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number of days from 1 to ${MAX_USAGE_DAYS}` })
    .transform(Number)
    .pipe(
      z
        .int()
        .min(1, { error: "must be at least 1" })
        .max(MAX_USAGE_DAYS, { error: `must be at most ${MAX_USAGE_DAYS}` }),
    )
    .optional()
    .transform((days) => days ?? DEFAULT_USAGE_DAYS),
});
