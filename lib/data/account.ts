// The signed-in person's own account: the password check every sign-in goes through, their Person, and the
// password change. Their sessions are in ./sessions.ts, the addresses they signed in from in ./sign-in-addresses.ts.
import "server-only";
import type { AuditSource } from "@/lib/audit/source";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { throttlePasswordAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { invalidField, notFound } from "@/lib/errors";
import { isStorableEmail, normalizeEmail } from "@/lib/validations/email";
import { themeSchema, type Theme } from "@/lib/validations/theme";
import { workspaceIdOf } from "@/lib/workspaces/request";
import type { Account, Actor } from "./actor";
import { recordAuditEvent } from "./audit-record";
import { personSelect, toPerson, type Person } from "./people";
import { endSessionsOf } from "./sessions";

/**
 * The person with this email and password, or null: unknown email, wrong password and disabled account all look
 * the same to the caller, so nothing about other accounts leaks. Every password check (sign-in, Basic
 * authentication, a password change) is this one, behind the brute-force throttle (lib/auth/throttle.ts).
 */
export async function verifyCredentials(headers: Headers, email: string, password: string): Promise<Actor | null> {
  // The request's workspace: the same email in another workspace is another person, with another password.
  const account = { workspaceId: workspaceIdOf(headers), email: normalizeEmail(email) };
  return throttlePasswordAttempt(headers, account, (address) => checkPassword(account, password, address));
}

/** The bcrypt comparison takes its turn as the client address's (lib/auth/passwords.ts). */
async function checkPassword(account: Account, password: string, clientAddress: string): Promise<Actor | null> {
  // An email that cannot be stored is nobody's; the password is still checked, so it takes as long.
  const user = isStorableEmail(account.email)
    ? await db.user.findUnique({
        where: { workspaceId_email: account },
        select: { id: true, workspaceId: true, isAdmin: true, isDisabled: true, passwordHash: true },
      })
    : null;
  const matches = await verifyPassword(password, user?.passwordHash, clientAddress);
  if (!user || !matches || user.isDisabled) return null;
  return { userId: user.id, workspaceId: user.workspaceId, isAdmin: user.isAdmin };
}

export async function getCurrentPerson(actor: Actor): Promise<Person> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: personSelect });
  if (!user) throw notFound("Person");
  return toPerson(user);
}

/**
 * Changes the actor's password once their current one is checked, behind the same throttle as sign-in (counted
 * against the same account and address): whoever holds a stolen token or session must not be able to guess the
 * password at bcrypt speed through this check.
 */
export async function changePassword(
  headers: Headers,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  source: AuditSource,
): Promise<void> {
  const email = await enabledAccountEmail(actor);
  const verified = await verifyCredentials(headers, email, currentPassword);
  if (!verified) throw invalidField("currentPassword", "is not your current password");
  await setPassword(actor, newPassword, source);
}

/** The email the actor signs in with, while their account exists and is enabled. */
async function enabledAccountEmail(actor: Actor): Promise<string> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, isDisabled: true } });
  if (!user || user.isDisabled) throw notFound("Person");
  return user.email;
}

/**
 * Tokens are independent of the password: changing it leaves every token working, as the seed says. Every other
 * session of the person ends (whoever knew the old password may be signed in); the one the change was made with,
 * if any, goes on. The person.password_changed event (never the password), and person.sessions_ended when
 * sessions ended, are written in the same transaction.
 */
async function setPassword(actor: Actor, newPassword: string, source: AuditSource): Promise<void> {
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

/** The person's own choice of how their pages look (Profile > Appearance); not audited, it guards nothing. */
export async function setTheme(actor: Actor, theme: Theme): Promise<void> {
  await db.user.update({ where: { id: actor.userId }, data: { theme: themeSchema.parse(theme) } });
}
