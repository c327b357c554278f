import "server-only";
import { retentionCutoff } from "@/lib/audit/retention";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { pruneTokenUsage } from "./token-usage";

/** Deletes the audit events and token usage older than the retention; returns how many rows went. */
export async function pruneAuditEvents(now = new Date(), days = env().AUDIT_RETENTION_DAYS): Promise<number> {
  const cutoff = retentionCutoff(now, days);
  if (!cutoff) return 0;
  const { count } = await db.auditEvent.deleteMany({ where: { occurredAt: { lt: cutoff } } });
  // A token's usage counts are kept as long as the audit trail (lib/data/token-usage.ts).
  return count + (await pruneTokenUsage(now, days));
}
