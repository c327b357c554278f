import "server-only";
import { authenticateToken, checkToken, type TokenPrincipal } from "@/lib/auth/authenticate";
import { parseAuthorizationHeader } from "@/lib/auth/authorization-header";
import { countInvalidToken, refuseInvalidToken } from "@/lib/auth/throttle";
import { usageBuffer } from "@/lib/data/token-usage";
import { lastUsedBuffer } from "@/lib/data/token-use";
import { forbidden, unauthorized } from "@/lib/errors";
import { scopeNeededFor } from "@/lib/tokens/scopes";

/** RFC 7662, section 2.2: inactive says nothing more; active says whose token it is and until when. */
export type IntrospectionResponse =
  | { active: false }
  | {
      active: true;
      sub: string;
      username: string;
      token_type: "Bearer";
      exp?: number;
      iat: number;
      client_id: string;
      /** Space-separated (RFC 7662, section 2.2). */
      scope: string;
    };

/**
 * The caller is a gateway holding an admin's token: a token only (a person's session or password is not a
 * gateway's), and an admin's (introspection reveals whose any token is). Its own use is recorded as any
 * token's.
 */
export async function authenticateGateway(headers: Headers): Promise<TokenPrincipal> {
  const credentials = parseAuthorizationHeader(headers.get("authorization"));
  if (credentials.scheme === "invalid") {
    return refuseInvalidToken(headers, unauthorized("invalid_token", credentials.reason), { malformed: true });
  }
  if (credentials.scheme !== "bearer") {
    throw unauthorized("missing_credentials", "Send an admin's token: Authorization: Bearer <token>");
  }
  // Introspection is a POST (RFC 7662): the gateway's token needs the api scope, as every POST does.
  const gateway = await authenticateToken(headers, credentials.token, scopeNeededFor("POST"));
  if (!gateway.isAdmin) throw forbidden("Only a workspace admin's token may introspect tokens");
  return gateway;
}

/**
 * Whether the token is usable now, by the same rules as every request. A value that is no token of ours
 * counts against the gateway's address like an invalid token (else this is a guessing oracle); an expired or
 * blocked real token does not. An active token's use is recorded (lastUsed), not its address: the gateway's
 * address says nothing about where the token was used from.
 */
export async function introspect(
  headers: Headers,
  gateway: TokenPrincipal,
  tokenValue: string,
): Promise<IntrospectionResponse> {
  const now = new Date();
  // The gateway's workspace is the request's: another workspace's token is no token of ours there.
  const check = await checkToken(tokenValue, gateway.workspaceId, now);
  if (!check.usable) {
    if (check.guess) await countInvalidToken(headers, { malformed: check.malformed });
    return { active: false };
  }
  const { token, expiresAt } = check;
  lastUsedBuffer.record(token.id, now, token.lastUsedAt);
  usageBuffer.accepted(token.id, now);
  return {
    active: true,
    sub: token.user.id,
    username: token.user.person.email,
    token_type: "Bearer",
    ...(expiresAt ? { exp: Math.floor(expiresAt.getTime() / 1000) } : {}),
    iat: Math.floor(token.createdAt.getTime() / 1000),
    client_id: token.id,
    scope: token.scopes.join(" "),
  };
}
