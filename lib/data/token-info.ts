import {
  effectiveExpiry,
  tokenStatus,
  type ExpiryLimit,
  type TokenHolder,
  type TokenPolicy,
  type TokenStatus,
} from "@/lib/tokens/policy";

/** The contract's TokenInfo: everything about a token except its value. */
export type TokenInfo = {
  tokenId: string;
  description: string;
  status: TokenStatus;
  /** When the token stops working for time alone: its own expiry, or earlier under the workspace maximum. */
  expiredAt: string | null;
  /** Which limit sets expiredAt; null when the token never expires. */
  expiryLimit: ExpiryLimit | null;
  lastUsed: string | null;
  createdAt: string;
};

export type TokenRow = {
  id: string;
  description: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

export const tokenRowSelect = {
  id: true,
  description: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
} as const;

/** What toTokenInfo needs of the token's owner and their workspace. */
export const holderSelect = {
  isAdmin: true,
  isDisabled: true,
  canGenerateApiAccessTokens: true,
  workspace: {
    select: { apiAccessTokensEnabled: true, usersCanGenerateApiAccessTokens: true, maxUserTokenLifetimeDays: true },
  },
} as const;

export function toTokenInfo(row: TokenRow, owner: TokenHolder, policy: TokenPolicy, now = new Date()): TokenInfo {
  const expiry = effectiveExpiry(row, policy);
  return {
    tokenId: row.id,
    description: row.description,
    status: tokenStatus(row, owner, policy, now),
    expiredAt: expiry.at?.toISOString() ?? null,
    expiryLimit: expiry.limit,
    lastUsed: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
