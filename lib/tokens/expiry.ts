/** Tokens this close to expiry are flagged on the Access Tokens page, so they can be replaced in time. */
export const EXPIRES_SOON_DAYS = 7;

/** Whether a token that has not yet expired will within EXPIRES_SOON_DAYS. null expiry: never. */
export function expiresSoon(expiredAt: string | Date | null, now: Date): boolean {
  if (expiredAt === null) return false;
  const remaining = new Date(expiredAt).getTime() - now.getTime();
  return remaining > 0 && remaining <= EXPIRES_SOON_DAYS * 86_400_000;
}
