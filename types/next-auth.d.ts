import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  // The session names only the person; everything else is read fresh from the database.
  interface Session {
    user: { id?: string };
  }
  // What authorize returns: the person, and the session row it started for them (lib/data/sessions.ts).
  interface User {
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  // The cookie names the person (sub) and the session row (sid) that every request checks.
  interface JWT {
    sid?: string;
  }
}
