import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { auditSource, type AuditSource } from "@/lib/audit/source";
import { findSessionUser } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { routes } from "@/lib/routes";
import { workspaceIdOf } from "@/lib/workspaces/request";
import type { SessionPrincipal } from "./principal";
import { publicOriginOf } from "./public-origin";

/**
 * The person signed in with the session cookie among these request headers, as they are now: null without a
 * cookie, or when it is forged, idle for too long, ended or expired, its person is disabled, or it is a session
 * of another workspace than the request's (the browser keeps a cookie to its host; a copy is refused). One read.
 */
export async function sessionUserOf(requestHeaders: Headers): Promise<SessionPrincipal | null> {
  // getToken decrypts and verifies the cookie; it wants a request, and would take an Authorization header
  // in place of the cookie, so it gets a request that carries only the cookie.
  const onlyCookie = new NextRequest("http://tessera.invalid/", {
    headers: { cookie: requestHeaders.get("cookie") ?? "" },
  });
  const secureCookie = publicOriginOf(requestHeaders).startsWith("https:");
  const jwt = await getToken({ req: onlyCookie, secret: env().NEXTAUTH_SECRET, secureCookie });
  return jwt?.sid ? findSessionUser(jwt.sid, workspaceIdOf(requestHeaders)) : null;
}

/** The signed-in person of this page or server action, read once per request; null when not signed in. */
export const getSignedInUser = cache(async (): Promise<SessionPrincipal | null> => sessionUserOf(await headers()));

/** For pages and server actions: the signed-in person, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionPrincipal> {
  const user = await getSignedInUser();
  if (!user) redirect(routes.login);
  return user;
}

export async function requireAdminUser(): Promise<SessionPrincipal> {
  const user = await requireUser();
  if (!user.isAdmin) redirect(routes.home);
  return user;
}

/** For server actions: where a change made with the session came from, for the audit trail. */
export async function sessionAuditSource(): Promise<AuditSource> {
  return auditSource(await headers(), await requireUser());
}
