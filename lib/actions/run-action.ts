import type { z } from "zod";
import { expectedFailure, invalidArguments, type ActionResult } from "./action-result";

export type ActionSpec<Args extends z.ZodTuple> = {
  /** Who may call it: any signed-in person, or workspace admins only. */
  access: "member" | "admin";
  /** Every argument, in order. A tuple also refuses missing and extra arguments. */
  args: Args;
  /** Data-layer field → form field, for the failures the form shows under a field (see expectedFailure). */
  fields?: Record<string, string>;
};

export const ADMINS_ONLY_MESSAGE = "Only workspace admins may do this";

/**
 * The checks every server action makes, in order, before and after its handler: the caller's role, then every
 * argument, as whatever JSON the client sent; the handler sees only what the schema let through. Expected
 * failures come back as results; anything else is thrown.
 */
export async function runAction<Args extends z.ZodTuple, T>(
  spec: ActionSpec<Args>,
  caller: { isAdmin: boolean },
  args: unknown[],
  handler: (args: z.output<Args>) => Promise<T>,
): Promise<ActionResult<T>> {
  if (spec.access === "admin" && !caller.isAdmin) {
    return { ok: false, fieldErrors: {}, message: ADMINS_ONLY_MESSAGE };
  }
  const parsed = spec.args.safeParse(args);
  if (!parsed.success) return invalidArguments(parsed.error);
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    const failure = expectedFailure(error, spec.fields);
    if (failure) return failure;
    throw error;
  }
}
