import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auditSource, type AuditSource } from "@/lib/audit/source";
import { getSessionUser, type SessionUser } from "@/lib/data/users";
import { authOptions } from "./options";

/** The signed-in person as they are now, read once per request; null when signed out or disabled. */
export const getSignedInUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  return session?.user.id ? getSessionUser(session.user.id) : null;
});

/** For pages and server actions: the signed-in person, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  return user;
}

export async function requireAdminUser(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isAdmin) redirect("/");
  return user;
}

/** For server actions: where a change made with the session came from, for the audit trail. */
export async function sessionAuditSource(): Promise<AuditSource> {
  return auditSource(await headers(), { via: "session" });
}
