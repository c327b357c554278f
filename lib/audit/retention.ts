// How long audit events are kept: AUDIT_RETENTION_DAYS (lib/env.ts); 0 keeps them forever.
const DAY_MS = 86_400_000;

/** Events that occurred before this moment are pruned; null when events are kept forever. */
export function retentionCutoff(now: Date, days: number): Date | null {
  return days === 0 ? null : new Date(now.getTime() - days * DAY_MS);
}
