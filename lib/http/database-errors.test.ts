// The errors below have the shapes Prisma 7 and its driver adapters were seen to throw (reproduced against
// real SQLite files and a real PostgreSQL server: test/api/database-file.test.ts and
// test/cluster/database-unusable.test.ts run them end to end).
import { PrismaClientInitializationError, PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { DatabaseError } from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-errors";

const clientVersion = "7.10.0";
type AdapterCause = ConstructorParameters<typeof DriverAdapterError>[0];

/** Prisma's error around the adapter's: `meta.driverAdapterError.cause` holds the database's own code. */
function prismaError(code: string, cause: AdapterCause): PrismaClientKnownRequestError {
  const meta = { modelName: "Workspace", driverAdapterError: new DriverAdapterError(cause) };
  return new PrismaClientKnownRequestError(`Invalid \`db.workspace.create()\` invocation`, {
    code,
    clientVersion,
    meta,
  });
}

const sqlite = (originalCode: string) =>
  prismaError("P2039", { originalCode, originalMessage: "x", kind: "sqlite", extendedCode: 1, message: "x" });

const postgres = (code: string, severity = "ERROR", prismaCode = "P2039") =>
  prismaError(prismaCode, {
    originalCode: code,
    originalMessage: "x",
    kind: "postgres",
    code,
    severity,
    message: "x",
    detail: undefined,
    column: undefined,
    hint: undefined,
  });

function pgDriverError(code: string): DatabaseError {
  return Object.assign(new DatabaseError("x", 0, "error"), { code, severity: "FATAL" });
}

describe("isDatabaseUnavailable: SQLite", () => {
  it.each([
    "SQLITE_BUSY",
    "SQLITE_CANTOPEN",
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_READONLY",
    "SQLITE_READONLY_DBMOVED",
    "SQLITE_FULL",
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_PROTOCOL",
    "SQLITE_NOMEM",
  ])("%s, wrapped by Prisma as P2039, is unavailable", (code) => {
    expect(isDatabaseUnavailable(sqlite(code))).toBe(true);
  });

  it("SQLITE_BUSY as the adapter maps it (SocketTimeout, P1008) is unavailable", () => {
    expect(isDatabaseUnavailable(prismaError("P1008", { kind: "SocketTimeout" }))).toBe(true);
  });

  it("better-sqlite3's own error, unwrapped, is read by its code", () => {
    expect(isDatabaseUnavailable(new Database.SqliteError("disk I/O error", "SQLITE_IOERR_WRITE"))).toBe(true);
    expect(isDatabaseUnavailable(new Database.SqliteError("no such function: x", "SQLITE_ERROR"))).toBe(false);
  });

  it.each(["SQLITE_ERROR", "SQLITE_LOCKED", "SQLITE_MISMATCH", "SQLITE_RANGE", "SQLITE_TOOBIG"])(
    "%s is a bug, not an outage",
    (code) => {
      expect(isDatabaseUnavailable(sqlite(code))).toBe(false);
    },
  );

  it("Prisma's failed ROLLBACK after SQLite rolled back by itself (an I/O error in a batch) is unavailable", () => {
    // Thrown as is, not wrapped: the I/O error that made SQLite roll back is lost behind it.
    const message = "cannot rollback - no transaction is active";
    const lost = new DriverAdapterError({
      originalCode: "SQLITE_ERROR",
      originalMessage: message,
      kind: "sqlite",
      extendedCode: 1,
      message,
    });
    expect(isDatabaseUnavailable(lost)).toBe(true);
    expect(isDatabaseUnavailable(new Database.SqliteError(message, "SQLITE_ERROR"))).toBe(true);
  });

  it("a unique constraint is not an outage", () => {
    const unique = prismaError("P2002", {
      originalCode: "SQLITE_CONSTRAINT_UNIQUE",
      originalMessage: "UNIQUE constraint failed: User.email",
      kind: "UniqueConstraintViolation",
      constraint: { fields: ["email"] },
    });
    expect(isDatabaseUnavailable(unique)).toBe(false);
  });
});

describe("isDatabaseUnavailable: PostgreSQL", () => {
  it("a dropped database (3D000, P1003 DatabaseDoesNotExist) is unavailable", () => {
    const dropped = prismaError("P1003", {
      originalCode: "3D000",
      originalMessage: 'database "tessera" does not exist',
      kind: "DatabaseDoesNotExist",
      db: "tessera",
    });
    expect(isDatabaseUnavailable(dropped)).toBe(true);
  });

  it.each([
    ["55000", "FATAL"], // not accepting connections
    ["25006", "ERROR"], // read-only transaction
    ["53100", "ERROR"], // disk full
    ["53200", "ERROR"], // out of memory
    ["57P01", "FATAL"], // terminating connection due to administrator command
    ["57P03", "FATAL"], // cannot connect now
    ["57P04", "FATAL"], // database dropped
    ["08006", "FATAL"], // connection failure
    ["58030", "ERROR"], // I/O error
    ["XX001", "ERROR"], // data corrupted
  ])("SQLSTATE %s (%s) is unavailable", (code, severity) => {
    expect(isDatabaseUnavailable(postgres(code, severity))).toBe(true);
  });

  it("a query cut by a terminated connection (57P01 in a raw query, P2010) is unavailable", () => {
    expect(isDatabaseUnavailable(postgres("57P01", "FATAL", "P2010"))).toBe(true);
  });

  it("too many connections (53300, P2037 TooManyConnections) is unavailable", () => {
    const tooMany = prismaError("P2037", {
      originalCode: "53300",
      originalMessage: "sorry, too many clients already",
      kind: "TooManyConnections",
      cause: "sorry, too many clients already",
    });
    expect(isDatabaseUnavailable(tooMany)).toBe(true);
  });

  it("revoked credentials (28P01, P1000 AuthenticationFailed) are unavailable", () => {
    const denied = prismaError("P1000", {
      originalCode: "28P01",
      originalMessage: "password authentication failed",
      kind: "AuthenticationFailed",
      user: "tessera",
    });
    expect(isDatabaseUnavailable(denied)).toBe(true);
  });

  it("an unreachable server (P1001 DatabaseNotReachable) is unavailable", () => {
    const unreachable = prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 });
    expect(isDatabaseUnavailable(unreachable)).toBe(true);
  });

  it("node-postgres's code-less 'Connection terminated unexpectedly', as Prisma passes it on, is unavailable", () => {
    const terminated = Object.assign(new Error("Connection terminated unexpectedly"), { clientVersion });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
  });

  it("the throttle's own pool: a raw pg error is read by its SQLSTATE", () => {
    expect(isDatabaseUnavailable(pgDriverError("3D000"))).toBe(true);
    expect(isDatabaseUnavailable(pgDriverError("42P01"))).toBe(false);
  });

  it.each([
    ["42601", "syntax error"],
    ["22P02", "invalid input syntax"],
    ["40001", "serialization failure"],
    ["57014", "query canceled"],
    ["42501", "insufficient privilege"],
  ])("SQLSTATE %s (%s) is not an outage", (code) => {
    expect(isDatabaseUnavailable(postgres(code))).toBe(false);
  });
});

describe("isDatabaseUnavailable: anything else", () => {
  it("recognises Prisma's initialization error by its type, whatever the message", () => {
    expect(isDatabaseUnavailable(new PrismaClientInitializationError("Authentication failed", clientVersion))).toBe(
      true,
    );
  });

  it.each(["P1001", "P1002", "P1003", "P1008", "P1017", "P2024", "P2037"])("recognises Prisma's code %s", (code) => {
    expect(isDatabaseUnavailable(new PrismaClientKnownRequestError("query failed", { code, clientVersion }))).toBe(
      true,
    );
  });

  it("recognises a socket error by its code, in a nested cause", () => {
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("again", { cause: socket }) }))).toBe(true);
  });

  it("does not guess from message text when the error has a code", () => {
    expect(isDatabaseUnavailable(postgres("42601", "ERROR"))).toBe(false);
    const coded = Object.assign(new Error("Connection terminated by a bug of ours"), { code: "ERR_OURS" });
    expect(isDatabaseUnavailable(coded)).toBe(false);
  });

  it("does not treat a programming error as the database being unavailable", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed", { cause: new TypeError("x") }))).toBe(false);
    expect(
      isDatabaseUnavailable(new PrismaClientKnownRequestError("Transaction", { code: "P2028", clientVersion })),
    ).toBe(false);
  });

  it.each([null, undefined, "ECONNREFUSED", 42, {}])("is false for %j, which is not an error object", (value) => {
    expect(isDatabaseUnavailable(value)).toBe(false);
  });

  it("stops following a cause chain that loops", () => {
    const a: Error & { cause?: unknown } = new Error("a");
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
