import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ADMINS_ONLY_MESSAGE, assertAdmin, type Actor } from "@/lib/data/actor";
import { AppError, invalidField } from "@/lib/errors";
import { INVALID_REQUEST_MESSAGE } from "./action-result";
import { runAction, type ActionSpec } from "./run-action";

const member = async (): Promise<Actor> => ({ userId: "member", workspaceId: "workspace", isAdmin: false });
const admin = async (): Promise<Actor> => ({ userId: "admin", workspaceId: "workspace", isAdmin: true });

const renameSpec = {
  args: z.tuple([z.string(), z.strictObject({ name: z.string().min(1, { error: "enter a name" }) })]),
  fields: { displayName: "name" },
} satisfies ActionSpec<z.ZodTuple>;

/** Runs the spec with a handler that records what it was given and returns `data`. */
async function run(
  spec: ActionSpec<z.ZodTuple>,
  caller: () => Promise<Actor>,
  args: unknown[],
  data: unknown = "done",
) {
  const seen: unknown[] = [];
  const result = await runAction(spec, caller, args, async (parsed) => {
    seen.push(parsed);
    return data;
  });
  return { result, seen };
}

describe("runAction parses every argument before the handler runs", () => {
  it("passes the parsed arguments and returns {ok: true, data}", async () => {
    const { result, seen } = await run(renameSpec, member, ["id", { name: "Ada" }], { renamed: true });
    expect(result).toEqual({ ok: true, data: { renamed: true } });
    expect(seen).toEqual([["id", { name: "Ada" }]]);
  });

  it.each([
    ["a filter instead of a string", [{ not: "x" }, { name: "Ada" }]],
    ["an array instead of a string", [["id"], { name: "Ada" }]],
    ["a number", [1, { name: "Ada" }]],
    ["null", [null, { name: "Ada" }]],
    ["a missing argument", ["id"]],
    ["no arguments", []],
    ["an extra argument", ["id", { name: "Ada" }, "extra"]],
    ["an unknown field", ["id", { name: "Ada", isAdmin: true }]],
    ["an object that is an array", ["id", ["Ada"]]],
  ])("refuses %s without running the handler", async (_name, args) => {
    const { result, seen } = await run(renameSpec, member, args);
    expect(result).toEqual({ ok: false, fieldErrors: {}, message: INVALID_REQUEST_MESSAGE });
    expect(seen).toEqual([]);
  });

  it("puts a field's problem under the field, capitalized", async () => {
    const { result, seen } = await run(renameSpec, member, ["id", { name: "" }]);
    expect(result).toEqual({ ok: false, fieldErrors: { name: "Enter a name" } });
    expect(seen).toEqual([]);
    const filter = await run(renameSpec, member, ["id", { name: { not: "x" } }]);
    expect(filter.result).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
  });
});

describe("runAction returns the admin rule's refusal", () => {
  // Whether the caller may do it is the data function's to say: an admin function asserts the role itself.
  async function runAdminFunction(caller: () => Promise<Actor>, args: unknown[]) {
    const seen: unknown[] = [];
    const result = await runAction(renameSpec, caller, args, async (parsed, who) => {
      assertAdmin(who);
      seen.push(parsed);
      return "done";
    });
    return { result, seen };
  }

  it("refuses a member, whatever the arguments, and the admin function goes no further", async () => {
    expect(await runAdminFunction(member, ["id", { name: "Ada" }])).toEqual({
      result: { ok: false, fieldErrors: {}, message: ADMINS_ONLY_MESSAGE },
      seen: [],
    });
    // Arguments no form sends are refused before any data function is reached.
    expect(await runAdminFunction(member, [{ not: "x" }])).toEqual({
      result: { ok: false, fieldErrors: {}, message: INVALID_REQUEST_MESSAGE },
      seen: [],
    });
  });

  it("lets an admin run it", async () => {
    expect((await runAdminFunction(admin, ["id", { name: "Ada" }])).result).toEqual({ ok: true, data: "done" });
  });
});

describe("runAction returns expected failures and throws the rest", () => {
  async function failWith(error: unknown) {
    return runAction(renameSpec, member, ["id", { name: "Ada" }], async () => {
      throw error;
    });
  }

  it("shows an AppError about a form field under that field, without the API's field prefix", async () => {
    expect(await failWith(invalidField("displayName", "is taken"))).toEqual({
      ok: false,
      fieldErrors: { name: "Is taken" },
    });
  });

  it("shows any other AppError as the message", async () => {
    expect(await failWith(new AppError({ status: 404, code: "not_found", message: "Token not found" }))).toEqual({
      ok: false,
      fieldErrors: {},
      message: "Token not found",
    });
    expect(await failWith(invalidField("isAdmin", "the workspace must keep at least one enabled admin"))).toEqual({
      ok: false,
      fieldErrors: {},
      message: "The workspace must keep at least one enabled admin",
    });
  });

  it("says when the database is unavailable", async () => {
    const unreachable = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(await failWith(unreachable)).toEqual({
      ok: false,
      fieldErrors: {},
      message: "The database is unavailable; try again shortly.",
    });
  });

  it("throws anything else: a bug is not an expected failure", async () => {
    await expect(failWith(new TypeError("boom"))).rejects.toThrow("boom");
  });

  it("returns an unreachable database while looking up the caller, and throws what the lookup throws else", async () => {
    const outage = async () => {
      throw Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    };
    expect(await runAction(renameSpec, outage, ["id", { name: "Ada" }], async () => "done")).toEqual({
      ok: false,
      fieldErrors: {},
      message: "The database is unavailable; try again shortly.",
    });
    // requireUser redirects someone signed out by throwing Next.js's redirect error: it must get through.
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" });
    const signedOut = async () => {
      throw redirect;
    };
    await expect(runAction(renameSpec, signedOut, [], async () => "done")).rejects.toBe(redirect);
  });
});
