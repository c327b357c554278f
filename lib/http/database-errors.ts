// Recognises "the database is not there right now" (answered with 503) as opposed to a bug (500).
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Can't reach database|Connection terminated|database is locked|unable to open database|too many clients|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") break;
    const { name, code, message, cause } = e as { name?: string; code?: string; message?: string; cause?: unknown };
    if (name === "PrismaClientInitializationError") return true;
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    if (message && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = cause;
  }
  return false;
}
