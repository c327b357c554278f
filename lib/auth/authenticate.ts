import "server-only";
import type { NextRequest } from "next/server";
import { verifyCredentials } from "@/lib/data/account";
import { usageBuffer } from "@/lib/data/token-usage";
import { findTokenForAuthentication, recordTokenUse, type TokenForAuthentication } from "@/lib/data/token-use";
import { forbidden, unauthorized, type AppError } from "@/lib/errors";
import { parseToken, tokenMatchesHash } from "@/lib/tokens/format";
import { effectiveExpiry, generateDenial, generateDenialMessages, policyCutoff } from "@/lib/tokens/policy";
import { allows, scopeNeededFor, type Scope } from "@/lib/tokens/scopes";
import { workspaceIdOf } from "@/lib/workspaces/request";
import { parseAuthorizationHeader } from "./authorization-header";
import type { Principal } from "./principal";
import { isCrossOriginChange } from "./same-origin";
import { sessionUserOf } from "./session";
import { refuseBeyondScope, refuseInvalidToken } from "./throttle";

/** A principal authenticated by a token. */
export type TokenPrincipal = Extract<Principal, { via: "token" }>;

type Options = { allowBasic?: boolean };

/** Bearer token everywhere; Basic only where allowed; otherwise the browser's session cookie. */
export async function authenticate(request: NextRequest, options: Options = {}): Promise<Principal> {
  const credentials = parseAuthorizationHeader(request.headers.get("authorization"));
  switch (credentials.scheme) {
    case "bearer":
      return authenticateToken(request.headers, credentials.token, scopeNeededFor(request.method));
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

/** What the policy says of a token value right now: usable, or why not. One database read at most. */
export type TokenCheck =
  | { usable: true; token: TokenForAuthentication; expiresAt: Date | null }
  /** Not a token of ours (malformed: not even its shape or checksum): a guess, which the throttle counts. */
  | { usable: false; guess: true; malformed: boolean }
  /** A real token that may not be used now (expired, or blocked by the workspace's policy). */
  | { usable: false; guess: false; tokenId: string; error: AppError };

/** The workspace is the request's (lib/workspaces/request.ts): another workspace's token is a guess there. */
export async function checkToken(tokenValue: string, workspaceId: string, now = new Date()): Promise<TokenCheck> {
  const parsed = parseToken(tokenValue);
  const token = parsed && (await findTokenForAuthentication(parsed.tokenId, workspaceId));
  if (!token || !tokenMatchesHash(tokenValue, token.secretHash))
    return { usable: false, guess: true, malformed: !parsed };
  if (token.expiresAt && token.expiresAt <= now) {
    const error = unauthorized("token_expired", `The access token expired at ${token.expiresAt.toISOString()}`);
    return { usable: false, guess: false, tokenId: token.id, error };
  }
  const { user } = token;
  const denial = generateDenial(user, user.workspace);
  if (denial) {
    const error = unauthorized("token_blocked", `The access token is blocked: ${generateDenialMessages[denial]}`);
    return { usable: false, guess: false, tokenId: token.id, error };
  }
  const cutoff = policyCutoff(token, user.workspace);
  if (cutoff && cutoff <= now) {
    const error = unauthorized(
      "token_blocked",
      `The access token is blocked: it is older than the workspace's maximum token lifetime of ${user.workspace.maxUserTokenLifetimeDays} days`,
    );
    return { usable: false, guess: false, tokenId: token.id, error };
  }
  return { usable: true, token, expiresAt: effectiveExpiry(token, user.workspace).at };
}

/**
 * A Bearer token, with every rule of the policy checked against the current state, and its scopes against what
 * the request needs (lib/tokens/scopes.ts: the method decides), before any work; the use is recorded.
 */
export async function authenticateToken(headers: Headers, tokenValue: string, needed: Scope): Promise<TokenPrincipal> {
  const now = new Date();
  const check = await checkToken(tokenValue, workspaceIdOf(headers), now);
  if (!check.usable) {
    if (check.guess) {
      const invalid = unauthorized("invalid_token", "The access token is invalid or has been deleted");
      return refuseInvalidToken(headers, invalid, { malformed: check.malformed });
    }
    usageBuffer.refused(check.tokenId, now);
    throw check.error;
  }
  const { token, expiresAt } = check;
  if (!allows(token.scopes, needed)) {
    usageBuffer.refused(token.id, now);
    return refuseBeyondScope(headers, token, needed);
  }
  await recordTokenUse(token, headers, now);
  return {
    userId: token.user.id,
    workspaceId: token.user.workspaceId,
    isAdmin: token.user.isAdmin,
    via: "token",
    tokenId: token.id,
    tokenExpiresAt: expiresAt,
    scopes: token.scopes,
    person: token.user.person,
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
