// Expected failures, carried from the data layer to whoever answers: a route handler turns them into the
// contract's JSON error, a server action into an inline message.
export type ErrorCode =
  | "invalid_request"
  | "missing_credentials"
  | "invalid_token"
  | "token_expired"
  | "token_blocked"
  | "invalid_credentials"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_attempts"
  | "database_unavailable";

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The request field at fault, for inline form messages. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function invalidField(field: string, problem: string): AppError {
  return new AppError(400, "invalid_request", `${field}: ${problem}`, {}, field);
}

export function notFound(what: string): AppError {
  return new AppError(404, "not_found", `${what} not found`);
}

export function forbidden(message: string): AppError {
  return new AppError(403, "forbidden", message);
}

export function unauthorized(code: ErrorCode, message: string): AppError {
  return new AppError(401, code, message, { "WWW-Authenticate": 'Bearer realm="tessera"' });
}

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(429, "too_many_attempts", `Too many attempts; try again in ${retryAfterSeconds} seconds`, {
    "Retry-After": String(retryAfterSeconds),
  });
}

/** The database cannot be used right now (lib/http/database-errors.ts): clients should come back shortly. */
export function databaseUnavailable(): AppError {
  return new AppError(503, "database_unavailable", "The database is unavailable; try again shortly", {
    "Retry-After": "5",
  });
}

/**
 * What may be logged of an unexpected error: its code (a driver's or Prisma's), else its class name. Never its
 * message, which may quote request data.
 */
export function errorLabel(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : typeof error;
}
