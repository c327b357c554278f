import type { z } from "zod";
import type { createdTokenSchema, tokenInfoSchema } from "@/lib/openapi/schemas";
import { effectiveExpiry, tokenStatus, type TokenHolder, type TokenPolicy } from "@/lib/tokens/policy";
import { parseStoredScopes } from "@/lib/tokens/scopes";

/** The contract's TokenInfo (lib/openapi/schemas.ts): everything about a token except its value. */
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
/** A new token: its value, shown once, and its TokenInfo. */
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export type TokenRow = {
  id: string;
  description: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  scopes: string;
};

export const tokenRowSelect = {
  id: true,
  description: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  scopes: true,
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
    scopes: parseStoredScopes(row.scopes),
  };
}
