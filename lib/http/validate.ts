import type { z } from "zod";
import { invalidField, invalidRequest } from "@/lib/errors";

/** Parses with a zod schema; the first problem becomes a 400 that names the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join(".");
  throw field ? invalidField(field, issue.message) : invalidRequest(`Request body: ${issue.message}`);
}
