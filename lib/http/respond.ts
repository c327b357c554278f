import "server-only";
import type { NextRequest } from "next/server";
import { AppError, databaseUnavailable, type ErrorCode } from "@/lib/errors";
import { isDatabaseUnavailable } from "./database-errors";

// API responses may carry token metadata or a token value: never cache them anywhere.
const API_HEADERS = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...API_HEADERS, ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: API_HEADERS });
}

export function errorResponse(status: number, code: ErrorCode, message: string, headers = {}): Response {
  return json({ error: { code, message } }, status, headers);
}

/**
 * Any failure as what the client is told: an expected one as it is, an unusable database as the 503, anything
 * else (a bug) as a 500, logged with its type and message only: request data (which may hold a secret) never.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  console.error("Unexpected error:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return new AppError({ status: 500, code: "internal_error", message: "Something went wrong on our side" });
}

export function toErrorResponse(error: unknown): Response {
  const { status, code, message, headers } = toAppError(error);
  return errorResponse(status, code, message, headers);
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/** Turns every failure of a route handler into the contract's JSON error. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function methodNotAllowed(allow: string, why: string): Handler<unknown> {
  return async () => errorResponse(405, "method_not_allowed", why, { Allow: allow });
}
