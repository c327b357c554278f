import { z } from "zod";

/** The form body of POST /v4/auth/introspect (RFC 7662, section 2.1); other parameters are ignored. */
export const introspectionRequestSchema = z.object({
  token: z.string({ error: "is required" }).min(1, { error: "is required" }).max(1024),
  token_type_hint: z.string().max(64).optional(),
});
