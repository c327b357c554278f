import { PrismaClientInitializationError, PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises Prisma's initialization error by its type, whatever the message", () => {
    expect(isDatabaseUnavailable(new PrismaClientInitializationError("Authentication failed", "7.10.0"))).toBe(true);
  });

  it.each(["P1001", "P1002", "P1008", "P1017", "P2024"])("recognises the Prisma error code %s", (code) => {
    expect(
      isDatabaseUnavailable(new PrismaClientKnownRequestError("query failed", { code, clientVersion: "7.10.0" })),
    ).toBe(true);
  });

  it("recognises SQLITE_BUSY in a nested cause", () => {
    const driver = withCode("SqliteError", "SQLITE_BUSY");
    const adapter = new Error("Driver adapter error", { cause: driver });
    const prisma = new Error("Invalid `db.accessToken.findUnique()` invocation", { cause: adapter });
    expect(isDatabaseUnavailable(prisma)).toBe(true);
  });

  it("recognises ECONNREFUSED by code and by message", () => {
    expect(isDatabaseUnavailable(withCode("connect failed", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true);
  });

  it.each([
    "Can't reach database server at `db:5432`",
    "Connection terminated unexpectedly",
    "database is locked",
    "unable to open database file",
    "sorry, too many clients already",
    "the database system is starting up",
    "the database system is shutting down",
  ])("recognises the message %j", (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it("does not treat a programming error as the database being unavailable", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed", { cause: new TypeError("x") }))).toBe(false);
    expect(
      isDatabaseUnavailable(
        new PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7" }),
      ),
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
