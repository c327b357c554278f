import "server-only";
import type { NextRequest } from "next/server";
import { authenticate } from "@/lib/auth/authenticate";
import type { Principal } from "@/lib/auth/principal";
import { apiRoute, toErrorResponse } from "./respond";

/**
 * When the token that authenticated the request stops working: its expiry, or the workspace maximum's cutoff
 * when that comes first (lib/tokens/policy.ts effectiveExpiry); an ISO date, or "never".
 */
export const TOKEN_EXPIRES_HEADER = "Tessera-Token-Expires";

type AuthenticateOptions = NonNullable<Parameters<typeof authenticate>[1]>;
type Handler<C> = (request: NextRequest, principal: Principal, context: C) => Promise<Response>;

/**
 * A REST route that needs credentials: authenticates, runs the handler, and tells a token's holder when the
 * token expires, on failures after authentication too, so scripts can warn before they break.
 */
export function authenticatedRoute<C>(handler: Handler<C>, options: AuthenticateOptions = {}) {
  return apiRoute<C>(async (request, context) => {
    const principal = await authenticate(request, options);
    let response: Response;
    try {
      response = await handler(request, principal, context);
    } catch (error) {
      response = toErrorResponse(error);
    }
    return withTokenExpiry(principal, response);
  });
}

export function withTokenExpiry(principal: Principal, response: Response): Response {
  if (principal.via === "token") {
    response.headers.set(TOKEN_EXPIRES_HEADER, principal.tokenExpiresAt?.toISOString() ?? "never");
  }
  return response;
}
