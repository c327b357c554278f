import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses with a zod schema; the first problem becomes a 400 that names the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join(".");
  const message = field ? `${field}: ${issue.message}` : `Request body: ${issue.message}`;
  throw new AppError(400, "invalid_request", message, {}, field || undefined);
}
