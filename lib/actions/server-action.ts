import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { AuditSource } from "@/lib/audit/source";
import type { SessionPrincipal } from "@/lib/auth/principal";
import { requireUser, sessionAuditSource } from "@/lib/auth/session";
import type { ActionResult } from "./action-result";
import { runAction, type ActionSpec } from "./run-action";

export type ActionContext = { user: SessionPrincipal; source: AuditSource };

type ServerActionSpec<Args extends z.ZodTuple> = ActionSpec<Args> & {
  /** What to revalidate after a success, as revalidatePath takes it. */
  revalidate?: Parameters<typeof revalidatePath>;
};

/**
 * The one way to write a server action. Every export of a "use server" file is a public POST endpoint whose
 * arguments are whatever JSON the client sends, so each is declared as
 * `export const xAction = serverAction({ args: z.tuple([...]) }, async ([...], { user, source }) => …)`:
 * session (signed out: redirected to the sign-in page) → every argument parsed → handler (the data call, which
 * checks the role where it matters) → revalidate → one ActionResult.
 */
export function serverAction<Args extends z.ZodTuple, T>(
  spec: ServerActionSpec<Args>,
  handler: (args: z.output<Args>, context: ActionContext) => Promise<T>,
): (...args: z.input<Args>) => Promise<ActionResult<T>> {
  return async (...args) => {
    const result = await runAction(spec, requireUser, args, async (parsed, user) =>
      handler(parsed, { user, source: await sessionAuditSource() }),
    );
    if (result.ok && spec.revalidate) revalidatePath(...spec.revalidate);
    return result;
  };
}
