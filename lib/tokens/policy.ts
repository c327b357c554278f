// The token policy of the contract, as pure functions of the current state (never cached decisions),
// so that turning a setting back on restores what it had stopped.
export type TokenPolicy = {
  apiAccessTokensEnabled: boolean;
  usersCanGenerateApiAccessTokens: boolean;
  /** -1 means unlimited. */
  maxUserTokenLifetimeDays: number;
};

export type TokenHolder = {
  isAdmin: boolean;
  isDisabled: boolean;
  canGenerateApiAccessTokens: boolean;
};

export type TokenTimes = { createdAt: Date; expiresAt: Date | null };

export type TokenStatus = "active" | "expired" | "blocked";

export const DAY_SECONDS = 86_400;
export const NON_EXPIRING = -1;

export type GenerateDenial = "tokens_disabled" | "user_disabled" | "not_permitted";

/** Why this person may not generate (or use) tokens right now, or null when they may. */
export function generateDenial(user: TokenHolder, policy: TokenPolicy): GenerateDenial | null {
  if (!policy.apiAccessTokensEnabled) return "tokens_disabled";
  if (user.isDisabled) return "user_disabled";
  if (user.isAdmin || policy.usersCanGenerateApiAccessTokens || user.canGenerateApiAccessTokens) return null;
  return "not_permitted";
}

export const generateDenialMessages: Record<GenerateDenial, string> = {
  tokens_disabled: "API access tokens are turned off for this workspace. A workspace admin can turn them on.",
  user_disabled: "Your account is disabled.",
  not_permitted:
    "Only workspace admins may generate API access tokens, until an admin allows all users or gives you individual access.",
};

/** The moment the workspace's maximum lifetime stops this token, or null when it never does. */
export function policyCutoff(token: TokenTimes, policy: TokenPolicy): Date | null {
  if (policy.maxUserTokenLifetimeDays === NON_EXPIRING) return null;
  return new Date(token.createdAt.getTime() + policy.maxUserTokenLifetimeDays * DAY_SECONDS * 1000);
}

/** Which limit ends a token: its own lifetime, or the workspace's maximum lifetime (lowered since it was made). */
export type ExpiryLimit = "lifetime" | "workspace_maximum";

/**
 * When the token stops working for time alone, and which limit says so: its own expiry or the workspace
 * maximum's cutoff, whichever comes first (a tie is its own lifetime: tokenStatus calls it expired). Past its
 * own expiry a token is expired; past the cutoff it is blocked, and raising the maximum moves the cutoff.
 */
export function effectiveExpiry(
  token: TokenTimes,
  policy: TokenPolicy,
): { at: Date | null; limit: ExpiryLimit | null } {
  const cutoff = policyCutoff(token, policy);
  const cutShort = cutoff !== null && (token.expiresAt === null || cutoff < token.expiresAt);
  if (cutShort) return { at: cutoff, limit: "workspace_maximum" };
  return token.expiresAt ? { at: token.expiresAt, limit: "lifetime" } : { at: null, limit: null };
}

export function tokenStatus(token: TokenTimes, owner: TokenHolder, policy: TokenPolicy, now: Date): TokenStatus {
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  if (generateDenial(owner, policy)) return "blocked";
  const cutoff = policyCutoff(token, policy);
  if (cutoff && cutoff.getTime() <= now.getTime()) return "blocked";
  return "active";
}

/** The largest lifetime, in seconds, a new token may have; null when non-expiring tokens are allowed. */
export function maxLifetimeSeconds(policy: TokenPolicy): number | null {
  return policy.maxUserTokenLifetimeDays === NON_EXPIRING ? null : policy.maxUserTokenLifetimeDays * DAY_SECONDS;
}

/**
 * A problem with the requested lifetime under this policy, or null. Shape is checked by the schema. A token
 * created with a token (`parent`) may live no longer than the parent's own lifetime, as the workspace maximum
 * cuts it: a short-lived token then bounds every token issued from it, and renewing with the same lifetime
 * still works. A password or the web session has no parent.
 */
export function lifetimeProblem(
  lifetimeSeconds: number,
  policy: TokenPolicy,
  parent: TokenTimes | null = null,
): string | null {
  const max = maxLifetimeSeconds(policy);
  if (lifetimeSeconds === NON_EXPIRING && max !== null) {
    return `non-expiring tokens are not allowed in this workspace (maximum ${policy.maxUserTokenLifetimeDays} days)`;
  }
  if (max !== null && lifetimeSeconds > max) {
    return `must be at most ${policy.maxUserTokenLifetimeDays} days (${max} seconds) in this workspace`;
  }
  const parentSeconds = parent && effectiveLifetimeSeconds(parent, policy);
  if (parentSeconds != null && (lifetimeSeconds === NON_EXPIRING || lifetimeSeconds > parentSeconds)) {
    return `must be at most ${parentSeconds} seconds: a token created with a token cannot live longer than that token's own lifetime`;
  }
  return null;
}

/** A token's lifetime in seconds as the workspace maximum cuts it; null when it never expires. */
function effectiveLifetimeSeconds(token: TokenTimes, policy: TokenPolicy): number | null {
  const { at } = effectiveExpiry(token, policy);
  return at && Math.floor((at.getTime() - token.createdAt.getTime()) / 1000);
}
