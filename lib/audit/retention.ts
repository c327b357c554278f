// How long audit events are kept: AUDIT_RETENTION_DAYS (default 180); 0 keeps them forever.
export const DEFAULT_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

/** The configured retention in days; throws naming the variable when it is not a whole number ≥ 0. */
export function auditRetentionDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.AUDIT_RETENTION_DAYS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) > 36_500) {
    throw new Error(`AUDIT_RETENTION_DAYS must be a whole number of days from 0 (keep forever) to 36500, not "${raw}"`);
  }
  return Number(raw);
}

/** Events that occurred before this moment are pruned; null when events are kept forever. */
export function retentionCutoff(now: Date, days: number): Date | null {
  return days === 0 ? null : new Date(now.getTime() - days * DAY_MS);
}
