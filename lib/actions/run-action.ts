import type { z } from "zod";
import { expectedFailure, invalidArguments, type ActionResult } from "./action-result";

export type ActionSpec<Args extends z.ZodTuple> = {
  /** Every argument, in order. A tuple also refuses missing and extra arguments. */
  args: Args;
  /** Data-layer field → form field, for the failures the form shows under a field (see expectedFailure). */
  fields?: Record<string, string>;
};

/**
 * The checks every server action makes around its handler, in order: who calls (`caller` may throw, e.g. the
 * redirect of someone signed out), then every argument, as whatever JSON the client sent; the handler sees only
 * what the schema let through. Whether the caller may do it is the data function's to say (an admin function
 * asserts the role itself, lib/data/actor.ts). Expected failures come back as results, also from the caller
 * lookup (an unreachable database); anything else is thrown.
 */
export async function runAction<Args extends z.ZodTuple, Caller, T>(
  spec: ActionSpec<Args>,
  caller: () => Promise<Caller>,
  args: unknown[],
  handler: (args: z.output<Args>, caller: Caller) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const who = await caller();
    const parsed = spec.args.safeParse(args);
    if (!parsed.success) return invalidArguments(parsed.error);
    return { ok: true, data: await handler(parsed.data, who) };
  } catch (error) {
    const failure = expectedFailure(error, spec.fields);
    if (failure) return failure;
    throw error;
  }
}
