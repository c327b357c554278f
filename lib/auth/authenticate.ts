import "server-only";
import type { NextRequest } from "next/server";
import { verifyCredentials } from "@/lib/data/account";
import { findTokenForAuthentication, recordTokenUse } from "@/lib/data/token-use";
import { forbidden, unauthorized } from "@/lib/errors";
import { parseToken, tokenMatchesHash } from "@/lib/tokens/format";
import { effectiveExpiry, generateDenial, generateDenialMessages, policyCutoff } from "@/lib/tokens/policy";
import { parseAuthorizationHeader } from "./authorization-header";
import type { Principal } from "./principal";
import { isCrossOriginChange } from "./same-origin";
import { sessionUserOf } from "./session";
import { refuseInvalidToken } from "./throttle";

type Options = { allowBasic?: boolean };

/** Bearer token everywhere; Basic only where allowed; otherwise the browser's session cookie. */
export async function authenticate(request: NextRequest, options: Options = {}): Promise<Principal> {
  const credentials = parseAuthorizationHeader(request.headers.get("authorization"));
  switch (credentials.scheme) {
    case "bearer":
      return authenticateToken(request, credentials.token);
    case "basic":
      if (!options.allowBasic) {
        throw unauthorized(
          "invalid_credentials",
          "Email and password are accepted only by POST /v4/apiAccessTokens; use Authorization: Bearer <token>",
        );
      }
      return authenticatePassword(request, credentials.email, credentials.password);
    case "invalid":
      return refuseInvalidToken(request.headers, unauthorized("invalid_token", credentials.reason), {
        malformed: true,
      });
    case "none":
      return authenticateSession(request);
  }
}

async function authenticateToken(request: NextRequest, tokenValue: string): Promise<Principal> {
  const parsed = parseToken(tokenValue);
  const token = parsed && (await findTokenForAuthentication(parsed.tokenId));
  if (!token || !tokenMatchesHash(tokenValue, token.secretHash)) {
    const invalid = unauthorized("invalid_token", "The access token is invalid or has been deleted");
    return refuseInvalidToken(request.headers, invalid, { malformed: !parsed });
  }

  const now = new Date();
  if (token.expiresAt && token.expiresAt <= now) {
    throw unauthorized("token_expired", `The access token expired at ${token.expiresAt.toISOString()}`);
  }
  const { user } = token;
  const denial = generateDenial(user, user.workspace);
  if (denial) throw unauthorized("token_blocked", `The access token is blocked: ${generateDenialMessages[denial]}`);
  const cutoff = policyCutoff(token, user.workspace);
  if (cutoff && cutoff <= now) {
    throw unauthorized(
      "token_blocked",
      `The access token is blocked: it is older than the workspace's maximum token lifetime of ${user.workspace.maxUserTokenLifetimeDays} days`,
    );
  }

  await recordTokenUse(token, request.headers, now);
  return {
    userId: user.id,
    workspaceId: user.workspaceId,
    isAdmin: user.isAdmin,
    via: "token",
    tokenId: token.id,
    tokenExpiresAt: effectiveExpiry(token, user.workspace).at,
    person: user.person,
  };
}

async function authenticatePassword(request: NextRequest, email: string, password: string): Promise<Principal> {
  const actor = await verifyCredentials(request.headers, email, password);
  if (!actor) throw unauthorized("invalid_credentials", "The email or password is incorrect");
  return { ...actor, via: "password" };
}

async function authenticateSession(request: NextRequest): Promise<Principal> {
  const missing = unauthorized("missing_credentials", "Send Authorization: Bearer <token>");
  const principal = await sessionUserOf(request.headers);
  if (!principal) throw missing;
  if (isCrossOriginChange(request)) {
    throw forbidden("Cross-origin requests may not change anything with a session cookie");
  }
  return principal;
}
