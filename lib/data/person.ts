/** The contract's Person: never a password or hash. */
export type Person = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  isDisabled: boolean;
  canGenerateApiAccessTokens: boolean;
  createdAt: string;
  lastLoginTime: string | null;
};

export const personSelect = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  isDisabled: true,
  canGenerateApiAccessTokens: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

type PersonRow = Omit<Person, "createdAt" | "lastLoginTime"> & { createdAt: Date; lastLoginAt: Date | null };

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin,
    isDisabled: row.isDisabled,
    canGenerateApiAccessTokens: row.canGenerateApiAccessTokens,
    createdAt: row.createdAt.toISOString(),
    lastLoginTime: row.lastLoginAt?.toISOString() ?? null,
  };
}
