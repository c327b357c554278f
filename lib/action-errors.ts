import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";

export type ActionFailure = { fieldErrors: Record<string, string>; message?: string };

/**
 * An expected failure from the data layer as a server action's form state: a field error when the
 * error names one of the form's fields (fieldNames maps API field → form field), else a message.
 * Anything unexpected is rethrown, so the error page shows it.
 */
export function actionFailure(error: unknown, fieldNames: Record<string, string> = {}): ActionFailure {
  if (error instanceof AppError) {
    const text = error.field ? capitalize(error.message.replace(`${error.field}: `, "")) : error.message;
    const field = error.field && fieldNames[error.field];
    return field ? { fieldErrors: { [field]: text } } : { fieldErrors: {}, message: text };
  }
  if (isDatabaseUnavailable(error))
    return { fieldErrors: {}, message: "The database is unavailable; try again shortly." };
  throw error;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A zod error as form field errors: the first message for each top-level field, capitalized. */
export function fieldErrorsOf(error: {
  issues: Array<{ path: PropertyKey[]; message: string }>;
}): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0])] ??= capitalize(issue.message);
  return fieldErrors;
}
