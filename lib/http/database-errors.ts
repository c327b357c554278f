// Recognises "the database cannot be used right now" (503 database_unavailable, with Retry-After) as opposed
// to a bug (500), by codes. Each layer of an error is read: Prisma's own error code (P1001), the driver
// adapter's error kind, and the database's code, which the adapter keeps as `originalCode` (the SQLite
// result code, or PostgreSQL's SQLSTATE, also its `code`); errors thrown by the drivers themselves (the
// throttle's PostgreSQL pool, better-sqlite3) carry it as `code`. docs/security.md gives the reasons.

const PRISMA_CODES = new Set([
  "P1000", // authentication failed: credentials revoked or rotated under the running app
  "P1001", // cannot reach the database server
  "P1002", // the server was reached but timed out
  "P1003", // the database does not exist (dropped under the running app)
  "P1008", // operation timed out (SQLite: still busy after the lock timeout)
  "P1010", // access to the database denied
  "P1017", // the server closed the connection
  "P2024", // timed out waiting for a connection from the pool
  "P2037", // too many connections
]);

// Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the same.
const ADAPTER_KINDS = new Set([
  "AuthenticationFailed",
  "DatabaseAccessDenied",
  "DatabaseDoesNotExist",
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

// PostgreSQL SQLSTATE classes: connection exception (08), insufficient resources (53: disk full, out of
// memory, too many connections), operator intervention (57P: shut down, cannot connect now, database
// dropped), system error (58: I/O error).
const POSTGRES_CLASSES = ["08", "53", "57P", "58"];
const POSTGRES_CODES = new Set([
  "3D000", // the database does not exist
  "55000", // "database is not currently accepting connections" (ALLOW_CONNECTIONS false); our queries meet no other
  "25006", // read-only transaction: a standby, or a database set read-only
  "28000", // authorization rejected
  "28P01", // wrong password
  "XX001", // data corrupted
  "XX002", // index corrupted
]);

// SQLite primary result codes; extended codes add a suffix (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED).
// BUSY: locked beyond the timeout; CANTOPEN: the file is gone; IOERR: the disk refused; READONLY: the file,
// the mount or a moved file cannot be written; FULL: disk full; CORRUPT, NOTADB: what is at the path is
// not a usable database (a botched restore); PROTOCOL: a lock race; NOMEM: out of memory.
const SQLITE_CODE = /^SQLITE_(BUSY|CANTOPEN|IOERR|READONLY|FULL|CORRUPT|NOTADB|PROTOCOL|NOMEM)(_|$)/;
// SQLite rolls a transaction back by itself after an I/O error, a full disk or a lock timeout; Prisma's own
// ROLLBACK of a batch then fails, and its error (SQLITE_ERROR, no other code) takes the place of the first.
const SQLITE_ROLLED_BACK_ITSELF = "cannot rollback - no transaction is active";

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

// node-postgres raises these without any code; Prisma passes them on as they are.
const POSTGRES_CLIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

type ErrorLayer = {
  name?: unknown;
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 10) {
    const layer = queue.shift();
    if (!layer || typeof layer !== "object" || seen.has(layer)) continue;
    seen.add(layer);
    const { name, code, originalCode, kind, message, cause, meta } = layer as ErrorLayer;
    if (name === "PrismaClientInitializationError") return true;
    if (isUnavailableCode(code) || isUnavailableCode(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if ([code, originalCode].includes("SQLITE_ERROR") && message === SQLITE_ROLLED_BACK_ITSELF) return true;
    if (!code && typeof message === "string" && POSTGRES_CLIENT_MESSAGE.test(message)) return true;
    queue.push(cause, meta?.driverAdapterError);
  }
  return false;
}

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLITE_CODE.test(code)) return true;
  return /^[0-9A-Z]{5}$/.test(code) && (POSTGRES_CODES.has(code) || POSTGRES_CLASSES.some((c) => code.startsWith(c)));
}
