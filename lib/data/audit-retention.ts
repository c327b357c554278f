import "server-only";
import { auditRetentionDays, retentionCutoff } from "@/lib/audit/retention";
import { db } from "@/lib/db";
import { errorLabel } from "@/lib/errors";

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes the audit events older than the retention; returns how many went. */
export async function pruneAuditEvents(now = new Date(), days = auditRetentionDays()): Promise<number> {
  const cutoff = retentionCutoff(now, days);
  if (!cutoff) return 0;
  const { count } = await db.auditEvent.deleteMany({ where: { occurredAt: { lt: cutoff } } });
  return count;
}

/**
 * Prunes at start-up and then hourly, in the background (installed once, from instrumentation.ts). Every
 * instance may do it: deleting what is already gone is harmless. A failure is logged and retried next hour.
 */
export function pruneAuditEventsPeriodically(): void {
  const globalForPruning = globalThis as unknown as { tesseraAuditPruning?: boolean };
  if (globalForPruning.tesseraAuditPruning) return;
  globalForPruning.tesseraAuditPruning = true;
  const days = auditRetentionDays();
  if (days === 0) return;
  const prune = () =>
    void pruneAuditEvents(new Date(), days).catch((error: unknown) =>
      console.error("Could not prune old audit events; will retry:", errorLabel(error)),
    );
  prune();
  setInterval(prune, PRUNE_INTERVAL_MS).unref();
}
