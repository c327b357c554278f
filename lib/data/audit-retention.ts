import "server-only";
import { retentionCutoff } from "@/lib/audit/retention";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** Deletes the audit events older than the retention; returns how many went. */
export async function pruneAuditEvents(now = new Date(), days = env().AUDIT_RETENTION_DAYS): Promise<number> {
  const cutoff = retentionCutoff(now, days);
  if (!cutoff) return 0;
  const { count } = await db.auditEvent.deleteMany({ where: { occurredAt: { lt: cutoff } } });
  return count;
}
