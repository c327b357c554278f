// Runs once when the server starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestGuard } = await import("@/lib/http/request-guard");
  installRequestGuard();
  const { flushLastUsedOnExit } = await import("@/lib/data/last-used-shutdown");
  flushLastUsedOnExit();
  const { pruneAuditEventsPeriodically } = await import("@/lib/data/audit-retention");
  pruneAuditEventsPeriodically();
  const { watchDatabaseFile } = await import("@/lib/db/client");
  watchDatabaseFile();
}
