import { forbidden } from "@/lib/errors";

/** Who is acting: the signed-in person, or the owner of the token or password that authenticated a request. */
export type Actor = {
  userId: string;
  workspaceId: string;
  isAdmin: boolean;
};

/** Whom a password is for: an email in a workspace (the same email elsewhere is someone else). */
export type Account = { workspaceId: string; email: string };

export const ADMINS_ONLY_MESSAGE = "Only workspace admins may do this";

/**
 * The admin rule. Every admin data function starts with it, so it holds however the function is reached
 * (a route, a page or a server action); a 403 with the one message for anyone else.
 */
export function assertAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw forbidden(ADMINS_ONLY_MESSAGE);
}
