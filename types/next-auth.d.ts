import "next-auth";

declare module "next-auth" {
  // The session names only the person; everything else is read fresh from the database.
  interface Session {
    user: { id?: string };
  }
}
