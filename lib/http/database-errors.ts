// Recognises "the database is not there right now" (answered with 503) as opposed to a bug (500).
const UNAVAILABLE_CODES = new Set([
  // Prisma: can't reach, timed out, closed, pool timeout
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node sockets and SQLite
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
  // PostgreSQL: connection exceptions, shutting down, cannot connect now, too many connections
  "08000",
  "08001",
  "08003",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
// Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the same.
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Can't reach database|Connection terminated|database is locked|unable to open database|too many clients|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

type ErrorLike = {
  name?: string;
  code?: string;
  kind?: string;
  message?: string;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { name, code, kind, message, cause, meta } = e as ErrorLike;
    if (name === "PrismaClientInitializationError") return true;
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    if (kind && UNAVAILABLE_KINDS.has(kind)) return true;
    if (message && UNAVAILABLE_MESSAGE.test(message)) return true;
    queue.push(cause, meta?.driverAdapterError);
  }
  return false;
}
