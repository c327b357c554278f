import "server-only";
import { shareTokenFailures } from "@/lib/auth/throttle";
import { pruneAuditEvents } from "@/lib/data/audit-retention";
import { usageBuffer } from "@/lib/data/token-usage";
import { lastUsedBuffer } from "@/lib/data/token-use";
import { closeDatabase, databaseFile, reopenIfFileReplaced } from "@/lib/db/client";
import { env } from "@/lib/env";
import { errorLabel } from "@/lib/errors";

// The life of the server process around Next.js: scripts/serve.mjs calls start() before it listens, and
// shutdown() once it has finished the requests it accepted. instrumentation.ts hands the server both from
// inside the app's bundle, so they work on the objects the routes use (docs/architecture.md, "The server
// process").

/** How often the SQLite file at the path is looked at (one stat) when no health check asks. */
const WATCH_FILE_MS = 1_000;
const PRUNE_AUDIT_EVENTS_MS = 60 * 60 * 1000;
/** How long an instance's invalid-token counts wait before the other instances see them (lib/rate-limit/shared-later.ts). */
const SHARE_TOKEN_FAILURES_MS = 1_000;
/** The longest shutdown waits for its writes: a database that does not answer must not hold the exit. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

let stopJobs: Array<() => void> = [];

/** Starts the periodic jobs. */
export function start(): void {
  const jobs = [
    every(lastUsedBuffer.intervalMs, () => void Promise.all([lastUsedBuffer.flush(), usageBuffer.flush()])),
  ];
  // At start-up, then hourly. Every instance may do it: deleting what is already gone is harmless.
  if (env().AUDIT_RETENTION_DAYS > 0) {
    pruneOldAuditEvents();
    jobs.push(every(PRUNE_AUDIT_EVENTS_MS, pruneOldAuditEvents));
  }
  // SQLite: a file deleted or replaced under the app is noticed within a second (lib/db/client.ts).
  if (databaseFile) jobs.push(every(WATCH_FILE_MS, reopenIfFileReplaced));
  // PostgreSQL: the invalid tokens this instance counted join the counts all instances share.
  else jobs.push(every(SHARE_TOKEN_FAILURES_MS, shareFailures));
  stopJobs = jobs;
}

/** Stops the jobs, writes the token uses still buffered and closes the database: 5 seconds at most. */
export async function shutdown(): Promise<void> {
  for (const stop of stopJobs.splice(0)) stop();
  // The buffer logs its own failed writes; closing the connections is a courtesy to the database.
  const writes = Promise.all([lastUsedBuffer.flush(), usageBuffer.flush(), shareTokenFailures()])
    .then(closeDatabase)
    .catch((error: unknown) => console.error("Could not close the database:", errorLabel(error)));
  await Promise.race([writes, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref())]);
}

function every(intervalMs: number, job: () => void): () => void {
  const timer = setInterval(job, intervalMs);
  return () => clearInterval(timer);
}

function shareFailures(): void {
  shareTokenFailures().catch((error: unknown) =>
    console.error("Could not share the invalid tokens counted; will retry:", errorLabel(error)),
  );
}

function pruneOldAuditEvents(): void {
  pruneAuditEvents().catch((error: unknown) =>
    console.error("Could not prune old audit events; will retry:", errorLabel(error)),
  );
}
