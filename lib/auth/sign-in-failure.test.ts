import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tooManyAttempts } from "@/lib/errors";
import { SERVICE_UNAVAILABLE, SIGN_IN_FAILED, signInErrorMessage, WRONG_CREDENTIALS } from "./sign-in-errors";
import { signInFailure } from "./sign-in-failure";

// As Prisma words an unreachable PostgreSQL: host, port, and the call site in our code.
const unreachable = new PrismaClientKnownRequestError(
  "Invalid `db.user.findUnique()` invocation in /srv/tessera/lib/data/account.ts:40:21\n\n" +
    "Can't reach database server at db.internal:5432",
  {
    code: "P1001",
    clientVersion: "7.10.0",
    meta: { driverAdapterError: new DriverAdapterError({ kind: "DatabaseNotReachable", host: "db.internal" }) },
  },
);

afterEach(() => vi.restoreAllMocks());

describe("signInFailure: what authorize throws, whose message next-auth hands to the client", () => {
  it("keeps the throttle's message, which says how long to wait", () => {
    expect(signInFailure(tooManyAttempts(30)).message).toBe("Too many attempts; try again in 30 seconds");
  });

  it("says the service is unavailable for an unusable database, and nothing of Prisma's text", () => {
    const error = signInFailure(unreachable);
    expect(error.message).toBe(SERVICE_UNAVAILABLE);
    expect(error.message).not.toMatch(/db\.internal|5432|invocation|users\.ts/);
  });

  it("turns anything else into a generic failure, logged by type and code only", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = Object.assign(new TypeError("password hunter2 in a message"), { code: "ERR_BUG" });
    expect(signInFailure(bug).message).toBe(SIGN_IN_FAILED);
    expect(logged).toHaveBeenCalledWith("Sign-in failed:", "TypeError ERR_BUG");
    expect(JSON.stringify(logged.mock.calls)).not.toContain("hunter2");
  });
});

describe("signInErrorMessage: the sign-in form's text for next-auth's error", () => {
  it.each([SERVICE_UNAVAILABLE, SIGN_IN_FAILED, "Too many attempts; try again in 30 seconds"])(
    "shows %j as it is",
    (error) => {
      expect(signInErrorMessage(error)).toBe(error);
    },
  );

  it.each(["CredentialsSignin", unreachable.message, "Callback"])("shows %j as wrong credentials", (error) => {
    expect(signInErrorMessage(error)).toBe(WRONG_CREDENTIALS);
  });
});
