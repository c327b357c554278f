import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "./actor";
import { recordAuditEvent } from "./audit-record";
import { personSelect, toPerson, type Person } from "./person";
import { endSessionsOf } from "./sessions";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * No stored email holds a control character (the schema refuses them), and PostgreSQL answers a NUL byte in a
 * query with an error: such an email is to be looked up as nobody, without a query.
 */
export function isStorableEmail(email: string): boolean {
  return !/[\u0000-\u001f\u007f]/.test(email);
}

/**
 * The person with this email and password, or null: unknown email, wrong password and disabled account
 * all look the same to the caller, so nothing about other accounts leaks. The bcrypt comparison takes its
 * turn as the client address's (lib/auth/passwords.ts).
 */
export async function verifyCredentials(email: string, password: string, clientAddress: string): Promise<Actor | null> {
  // An email that cannot be stored is nobody's; the password is still checked, so it takes as long.
  const user = isStorableEmail(email)
    ? await db.user.findUnique({
        where: { email: normalizeEmail(email) },
        select: { id: true, workspaceId: true, isAdmin: true, isDisabled: true, passwordHash: true },
      })
    : null;
  const matches = await verifyPassword(password, user?.passwordHash, clientAddress);
  if (!user || !matches || user.isDisabled) return null;
  return { userId: user.id, workspaceId: user.workspaceId, isAdmin: user.isAdmin };
}

export type SessionUser = Actor & { email: string; name: string };

/** A person as they are now, by id: null once deleted or disabled. Sessions: findSessionUser (./sessions.ts). */
export async function getSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, workspaceId: true, isAdmin: true, isDisabled: true, email: true, name: true },
  });
  if (!user || user.isDisabled) return null;
  return { userId: user.id, workspaceId: user.workspaceId, isAdmin: user.isAdmin, email: user.email, name: user.name };
}

export async function getCurrentPerson(actor: Actor): Promise<Person> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: personSelect });
  if (!user) throw notFound("Person");
  return toPerson(user);
}

/**
 * Sets a new password; the caller has checked the current one (lib/auth/throttle.ts, changePasswordThrottled).
 * Tokens are independent of the password: changing it leaves every token working, as the seed says. Every
 * other session of the person ends (whoever knew the old password may be signed in); the one the change was
 * made with, if any, goes on. The person.password_changed event (never the password), and
 * person.sessions_ended when sessions ended, are written in the same transaction.
 */
export async function setPassword(actor: Actor, newPassword: string, source: AuditSource): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const event = { workspaceId: actor.workspaceId, actorId: actor.userId, source, subjectId: actor.userId };
    await recordAuditEvent(tx, { type: "person.password_changed", ...event });
    const ended = await endSessionsOf(tx, actor.userId, "password_changed", { except: source.sessionId });
    if (ended > 0) {
      await recordAuditEvent(tx, {
        type: "person.sessions_ended",
        ...event,
        details: { reason: "password_changed", count: ended },
      });
    }
  });
}
