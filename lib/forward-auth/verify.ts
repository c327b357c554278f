import "server-only";
import { authenticateToken, type TokenPrincipal } from "@/lib/auth/authenticate";
import { parseAuthorizationHeader } from "@/lib/auth/authorization-header";
import { refuseInvalidToken } from "@/lib/auth/throttle";
import { unauthorized } from "@/lib/errors";
import { toAppError } from "@/lib/http/respond";

/** An answer as plain data: the Next.js route and the server's fast path (before Next.js) both send it. */
export type VerifyAnswer = { status: number; headers: Record<string, string>; body: string };

const NO_STORE = { "Content-Type": "application/json", "Cache-Control": "no-store" };

/**
 * GET /v4/auth/verify, for reverse proxies (nginx auth_request, Caddy forward_auth, Traefik forwardAuth): the
 * request's Bearer token checked by every rule the API applies, on this very request. 200 with the person's
 * identity in headers the proxy copies to the API behind it; otherwise the API's JSON error, with its code
 * also in Tessera-Error (nginx cannot pass a body on).
 */
export async function verifyToken(headers: Headers): Promise<VerifyAnswer> {
  try {
    return success(await tokenOf(headers));
  } catch (error) {
    const { status, code, message, headers: errorHeaders } = toAppError(error);
    return {
      status,
      headers: { ...NO_STORE, ...errorHeaders, "Tessera-Error": code },
      body: JSON.stringify({ error: { code, message } }),
    };
  }
}

async function tokenOf(headers: Headers): Promise<TokenPrincipal> {
  const credentials = parseAuthorizationHeader(headers.get("authorization"));
  switch (credentials.scheme) {
    case "bearer":
      return authenticateToken(headers, credentials.token);
    case "invalid":
      return refuseInvalidToken(headers, unauthorized("invalid_token", credentials.reason), { malformed: true });
    case "basic":
    case "none":
      // A session cookie or a password is for people; this check is for the tokens that scripts send.
      throw unauthorized("missing_credentials", "Send Authorization: Bearer <token>; this check accepts only tokens");
  }
}

function success(principal: TokenPrincipal): VerifyAnswer {
  const expiresAt = principal.tokenExpiresAt?.toISOString() ?? null;
  return {
    status: 200,
    headers: {
      ...NO_STORE,
      "X-Tessera-User-Id": principal.userId,
      "X-Tessera-User-Email": principal.person.email,
      "X-Tessera-Token-Id": principal.tokenId,
      "Tessera-Token-Expires": expiresAt ?? "never",
    },
    body: JSON.stringify({
      personId: principal.userId,
      email: principal.person.email,
      tokenId: principal.tokenId,
      expiresAt,
    }),
  };
}
