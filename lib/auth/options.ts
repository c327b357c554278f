import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordSignIn } from "@/lib/data/users";
import { signInFailure } from "./sign-in-failure";
import { verifyThrottledCredentials } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // A thrown error's message reaches the client as signIn()'s `error`: only signInFailure's may.
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const headers = headersOf(request.headers);
          const actor = await verifyThrottledCredentials(headers, credentials.email, credentials.password);
          if (!actor) return null;
          await recordSignIn(actor.userId);
          return { id: actor.userId };
        } catch (error) {
          throw signInFailure(error);
        }
      },
    }),
  ],
  callbacks: {
    // The JWT carries only the user id: role and status are read fresh on every request.
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } };
    },
  },
};

// next-auth hands authorize the request's headers as a plain object (or, in some paths, as Headers).
function headersOf(raw: unknown): Headers {
  if (raw instanceof Headers) return raw;
  const headers = new Headers();
  if (raw && typeof raw === "object") {
    for (const [name, value] of Object.entries(raw)) if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}
