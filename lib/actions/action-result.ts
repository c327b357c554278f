import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";

/** A form's messages, by field name. */
export type FieldErrors = Record<string, string>;

export type ActionFailure = { ok: false; fieldErrors: FieldErrors; message?: string };

/** What every server action returns: its data, or what went wrong, under the form's fields or as a message. */
export type ActionResult<T = void> = { ok: true; data: T } | ActionFailure;

/** Shown for arguments no form of ours sends: a wrong type, a missing or an extra argument. */
export const INVALID_REQUEST_MESSAGE = "This request is not valid; reload the page and try again.";

/**
 * The problems with an action's argument list ([argument, field, …] paths): a field's first problem under
 * that field, capitalized; anything wrong with an argument itself, or with the list, as one message.
 */
export function invalidArguments(error: z.ZodError): ActionFailure {
  const fieldErrors: FieldErrors = {};
  let message: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path[1];
    if (field === undefined) message = INVALID_REQUEST_MESSAGE;
    else fieldErrors[String(field)] ??= capitalize(issue.message);
  }
  return message ? { ok: false, fieldErrors, message } : { ok: false, fieldErrors };
}

/**
 * An expected failure of the data layer as a result: an AppError under the form field that `fields` gives
 * for the field it names (API field → form field), else as a message; an unreachable database as a message.
 * Null for anything else: a bug, left to the error page.
 */
export function expectedFailure(error: unknown, fields: Record<string, string> = {}): ActionFailure | null {
  if (error instanceof AppError) {
    const problem = error.field ? capitalize(error.problem) : error.message;
    const field = error.field && fields[error.field];
    return field ? { ok: false, fieldErrors: { [field]: problem } } : { ok: false, fieldErrors: {}, message: problem };
  }
  if (isDatabaseUnavailable(error)) {
    return { ok: false, fieldErrors: {}, message: "The database is unavailable; try again shortly." };
  }
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
