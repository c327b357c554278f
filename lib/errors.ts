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
  | "insufficient_scope"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_attempts"
  | "database_unavailable"
  | "internal_error";

type AppErrorInit = {
  status: number;
  code: ErrorCode;
  /** What is wrong. With a field, the error's message names the field first: "lifetimeSeconds: must be…". */
  message: string;
  /** The request field at fault, which a form shows the message under. */
  field?: string;
  headers?: Record<string, string>;
};

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** The message without the field's name, as a form shows it under that field. */
  readonly problem: string;
  readonly headers: Record<string, string>;

  constructor({ status, code, message, field, headers = {} }: AppErrorInit) {
    super(field ? `${field}: ${message}` : message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.problem = message;
    this.headers = headers;
  }
}

export function invalidField(field: string, problem: string): AppError {
  return new AppError({ status: 400, code: "invalid_request", field, message: problem });
}

/** A 400 about the request as a whole (its body), not one field. */
export function invalidRequest(message: string): AppError {
  return new AppError({ status: 400, code: "invalid_request", message });
}

export function notFound(what: string): AppError {
  return new AppError({ status: 404, code: "not_found", message: `${what} not found` });
}

export function forbidden(message: string): AppError {
  return new AppError({ status: 403, code: "forbidden", message });
}

/** A token used beyond its scopes (RFC 6750, section 3.1): the request needs `needed`. */
export function insufficientScope(needed: string): AppError {
  return new AppError({
    status: 403,
    code: "insufficient_scope",
    message: `This token may not do this: the request needs the ${needed} scope (a read-only token may only read)`,
    headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${needed}"` },
  });
}

export function conflict(field: string, problem: string): AppError {
  return new AppError({ status: 409, code: "conflict", field, message: problem });
}

export function unauthorized(code: ErrorCode, message: string): AppError {
  return new AppError({ status: 401, code, message, headers: { "WWW-Authenticate": 'Bearer realm="tessera"' } });
}

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError({
    status: 429,
    code: "too_many_attempts",
    message: `Too many attempts; try again in ${retryAfterSeconds} seconds`,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/** The database cannot be used right now (lib/http/database-errors.ts): clients should come back shortly. */
export function databaseUnavailable(): AppError {
  return new AppError({
    status: 503,
    code: "database_unavailable",
    message: "The database is unavailable; try again shortly",
    headers: { "Retry-After": "5" },
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
