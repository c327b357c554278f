import type { Actor } from "@/lib/data/actor";
import type { Person } from "@/lib/data/people";
import type { Scope } from "@/lib/tokens/scopes";
import type { Theme } from "@/lib/validations/theme";

/**
 * An actor and how they authenticated: a token (with its owner as the contract shows them, read in the same
 * statement), an email and password, or the browser's session (with the email, name and theme the pages show).
 */
export type Principal = Actor &
  (
    | { via: "token"; tokenId: string; tokenExpiresAt: Date | null; scopes: Scope[]; person: Person }
    | { via: "password" }
    | { via: "session"; sessionId: string; email: string; name: string; theme: Theme }
  );

/** The signed-in person of a page or server action. */
export type SessionPrincipal = Extract<Principal, { via: "session" }>;
