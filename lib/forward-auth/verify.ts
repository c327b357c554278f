import "server-only";
import { authenticateToken, type TokenPrincipal } from "@/lib/auth/authenticate";
import { parseAuthorizationHeader } from "@/lib/auth/authorization-header";
import { refuseInvalidToken } from "@/lib/auth/throttle";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/errors";
import { errorAnswer, jsonAnswer, tokenExpiresHeader, type Answer } from "@/lib/http/answer";
import { toAppError } from "@/lib/http/respond";
import { scopeNeededFor, type Scope } from "@/lib/tokens/scopes";

/**
 * GET /v4/auth/verify, for reverse proxies (nginx auth_request, Caddy forward_auth, Traefik forwardAuth),
 * answered by the server before Next.js (lib/server/fast-paths.ts): the request's Bearer token checked by every
 * rule the API applies, on this very request. 200 with the person's identity in headers the proxy copies to the
 * API behind it; otherwise the API's JSON error, with its code also in Tessera-Error (nginx cannot pass a body
 * on).
 */
export async function verifyToken(method: string, headers: Headers): Promise<Answer> {
  warnOfUntrustedProxy(headers);
  try {
    return success(await tokenOf(headers, scopeNeededFor(headers.get("x-forwarded-method") ?? method)));
  } catch (error) {
    const failure = toAppError(error);
    return errorAnswer(failure, { "Tessera-Error": failure.code });
  }
}

/**
 * The token, allowed what the original request needs: its method as the proxy describes it (X-Forwarded-Method),
 * else this request's own (nginx's subrequest keeps the client's). Whoever sends X-Forwarded-Method only asks a
 * question: verify grants nothing by itself, and a proxy sets the header to the real method.
 */
async function tokenOf(headers: Headers, needed: Scope): Promise<TokenPrincipal> {
  const credentials = parseAuthorizationHeader(headers.get("authorization"));
  switch (credentials.scheme) {
    case "bearer":
      return authenticateToken(headers, credentials.token, needed);
    case "invalid":
      return refuseInvalidToken(headers, unauthorized("invalid_token", credentials.reason), { malformed: true });
    case "basic":
    case "none":
      // A session cookie or a password is for people; this check is for the tokens that scripts send.
      throw unauthorized("missing_credentials", "Send Authorization: Bearer <token>; this check accepts only tokens");
  }
}

function success(principal: TokenPrincipal): Answer {
  const body = {
    personId: principal.userId,
    email: principal.person.email,
    tokenId: principal.tokenId,
    expiresAt: principal.tokenExpiresAt?.toISOString() ?? null,
    scopes: principal.scopes,
  };
  return jsonAnswer(body, 200, {
    "X-Tessera-User-Id": principal.userId,
    "X-Tessera-User-Email": principal.person.email,
    "X-Tessera-Token-Id": principal.tokenId,
    "X-Tessera-Scopes": principal.scopes.join(" "),
    ...tokenExpiresHeader(principal.tokenExpiresAt),
  });
}

/**
 * A proxy asking (it describes the original request) while TRUST_PROXY is off: every client's failures then
 * count against the proxy's one address, and one attacker gets every client refused. Said once per process,
 * in the log where the operator looks.
 */
function warnOfUntrustedProxy(headers: Headers): void {
  const warned = globalThis as unknown as { tesseraWarnedOfProxy?: boolean };
  if (warned.tesseraWarnedOfProxy || env().TRUST_PROXY || !headers.has("x-forwarded-method")) return;
  warned.tesseraWarnedOfProxy = true;
  console.warn(
    "Warning: GET /v4/auth/verify is called by a reverse proxy (X-Forwarded-Method), but TRUST_PROXY is not " +
      "true: every client's failed tokens count against the proxy's address, so one client can get all of them " +
      "refused. Set TRUST_PROXY=true when only the proxy can reach Tessera (docs/proxies.md).",
  );
}
