import "server-only";
import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { SERVICE_UNAVAILABLE, SIGN_IN_FAILED } from "./sign-in-errors";

/**
 * What next-auth's `authorize` throws in place of `error`, whose message would reach the client: the
 * throttle's 429 keeps its message (how long to wait), an unusable database says the service is
 * unavailable, and anything else is logged here by type and code only (never a message, which may hold
 * request data) and told as a generic failure.
 */
export function signInFailure(error: unknown): Error {
  if (error instanceof AppError && error.code === "too_many_attempts") return new Error(error.message);
  if (isDatabaseUnavailable(error)) return new Error(SERVICE_UNAVAILABLE);
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  console.error("Sign-in failed:", [name, code].filter((part) => typeof part === "string").join(" ") || typeof error);
  return new Error(SIGN_IN_FAILED);
}
