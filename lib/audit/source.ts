// Where an audited action came from: how the actor authenticated, and the client's address and user agent.
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { replaceUnsafeCharacters } from "@/lib/validations/text";

export const AUTH_METHODS = ["session", "password", "token", "anonymous"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export type AuditSource = {
  method: AuthMethod;
  /** The token that authenticated the request, when method is token (its public id, never the value). */
  tokenId: string | null;
  /** The sign-in session of the request, when method is session (not stored: a password change keeps it). */
  sessionId: string | null;
  clientAddress: string;
  userAgent: string;
};

export const USER_AGENT_MAX_LENGTH = 256;

/** How a request was authenticated, as lib/auth/principal.ts's Principal says it. */
export type Authentication =
  { via: "session"; sessionId: string } | { via: "password" } | { via: "token"; tokenId: string };

export function auditSource(
  headers: Headers,
  authentication: Authentication | null,
  trustProxy: boolean = env().TRUST_PROXY,
): AuditSource {
  return {
    method: authentication?.via ?? "anonymous",
    tokenId: authentication?.via === "token" ? authentication.tokenId : null,
    sessionId: authentication?.via === "session" ? authentication.sessionId : null,
    clientAddress: clientAddress(headers, trustProxy),
    userAgent: userAgentOf(headers),
  };
}

/**
 * The User-Agent header, cut to a length worth keeping; an empty string when none was sent. Shown on the
 * Activity pages, so characters that would disguise it (C1 controls, a soft hyphen: HTTP carries bytes up to
 * 0xFF) become U+FFFD, as text people set is refused for them (lib/validations/text.ts).
 */
export function userAgentOf(headers: Headers): string {
  return replaceUnsafeCharacters((headers.get("user-agent") ?? "").slice(0, USER_AGENT_MAX_LENGTH));
}

/** The request a reverse proxy asked about (GET /v4/auth/verify), as its X-Forwarded-* headers describe it. */
export type ForwardedRequest = { method: string; uri: string; host: string | null };

const FORWARDED_URI_MAX_LENGTH = 512;

/** The original request behind a proxy's check; null when the request came with no X-Forwarded-Method. */
export function forwardedRequestOf(headers: Headers): ForwardedRequest | null {
  const method = headers.get("x-forwarded-method");
  if (!method) return null;
  const clean = (value: string, max: number) => replaceUnsafeCharacters(value.slice(0, max));
  const host = headers.get("x-forwarded-host");
  return {
    method: clean(method, 16).toUpperCase(),
    uri: clean(headers.get("x-forwarded-uri") ?? "", FORWARDED_URI_MAX_LENGTH),
    host: host === null ? null : clean(host, 255),
  };
}
