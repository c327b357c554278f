import "server-only";
import { TOKEN_EXPIRES_HEADER } from "./authenticated-route";
import { toAppError } from "./respond";
import securityHeaders from "./security-headers.json";

/**
 * An HTTP answer as plain data, for the requests the server answers itself before Next.js
 * (lib/server/fast-paths.ts), with every header Next.js would have added to an API response.
 */
export type Answer = { status: number; headers: Record<string, string>; body: string };

const API_HEADERS = {
  ...securityHeaders.everyResponse,
  ...securityHeaders.noContent,
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
};

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Answer {
  return { status, headers: { ...API_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** Any failure as the contract's JSON error, as a route handler's apiRoute() answers it. */
export function errorAnswer(error: unknown, headers: Record<string, string> = {}): Answer {
  const { status, code, message, headers: errorHeaders } = toAppError(error);
  return jsonAnswer({ error: { code, message } }, status, { ...errorHeaders, ...headers });
}

/** Tessera-Token-Expires, as every answer to a token-authenticated request carries it. */
export function tokenExpiresHeader(expiresAt: Date | null): Record<string, string> {
  return { [TOKEN_EXPIRES_HEADER]: expiresAt?.toISOString() ?? "never" };
}
