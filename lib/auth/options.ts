import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/data/account";
import { endSession, renewSession, startSession } from "@/lib/data/sessions";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { routes } from "@/lib/routes";
import { SESSION_IDLE_SECONDS } from "./session-lifetime";
import { signInFailure } from "./sign-in-failure";

/**
 * next-auth's options for a request to the workspace with this id (app/api/auth/[...nextauth]/route.ts): a cookie
 * is renewed, and a sign-out ends a session, only in the workspace the request is for.
 */
export const authOptionsFor = (workspaceId: string): NextAuthOptions => ({
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: routes.login },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // A thrown error's message reaches the client as signIn()'s `error`: only signInFailure's may.
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const headers = headersOf(request.headers);
          const actor = await verifyCredentials(headers, credentials.email, credentials.password);
          if (!actor) return null;
          return { id: actor.userId, sessionId: await startSession(actor.userId) };
        } catch (error) {
          throw signInFailure(error);
        }
      },
    }),
  ],
  callbacks: {
    // The JWT carries only the person's id and the session's: the session, and the person's role and status,
    // are read from the database on every request (lib/auth/session.ts).
    async jwt({ token, user }) {
      if (user) return { sub: user.id, sid: user.sessionId };
      // Otherwise next-auth is about to issue the cookie again (GET /api/auth/session): only for a live
      // session. Throwing makes it clear the cookie and answer {} instead. While the database is unavailable
      // the cookie is kept as it is (the row, checked on every request, still decides), so that an outage
      // does not sign everybody out.
      if (!token.sid || !(await renewSession(token.sid, workspaceId).catch(keepWhileUnavailable))) {
        throw new Error("The session has ended");
      }
      return { sub: token.sub, sid: token.sid };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } };
    },
  },
  events: {
    // Signing out ends the session in the database, so a copy of the cookie is refused too.
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid, workspaceId, "signed_out");
    },
  },
});

// next-auth hands authorize the request's headers as a plain object (or, in some paths, as Headers).
function headersOf(raw: unknown): Headers {
  if (raw instanceof Headers) return raw;
  const headers = new Headers();
  if (raw && typeof raw === "object") {
    for (const [name, value] of Object.entries(raw)) if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

function keepWhileUnavailable(error: unknown): true {
  if (isDatabaseUnavailable(error)) return true;
  throw error;
}
