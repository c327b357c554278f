import "server-only";
import { lastUsedBuffer } from "./token-use";

const FLUSH_TIMEOUT_MS = 5_000;

/**
 * Writes the buffered lastUsed times before the process exits. `next start` answers SIGTERM and SIGINT by
 * draining requests and then calling process.exit; flushing at that exit (not at the signal) also keeps
 * the uses of the requests that were drained. Installed once, from instrumentation.ts.
 */
export function flushLastUsedOnExit(): void {
  const globalForExit = globalThis as unknown as { tesseraExitHooked?: boolean };
  if (globalForExit.tesseraExitHooked) return;
  globalForExit.tesseraExitHooked = true;
  const exit = process.exit.bind(process);
  let exiting = false;
  const flushThenExit = (code?: number | string | null): void => {
    if (exiting) return;
    exiting = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS).unref());
    void Promise.race([lastUsedBuffer.flush(), timeout])
      .catch((error: unknown) => console.error("Could not record token use at shutdown:", error))
      .finally(() => exit(code ?? undefined));
  };
  process.exit = flushThenExit as typeof process.exit;
}
