import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditSource } from "@/lib/audit/source";
import type { SessionPrincipal } from "@/lib/auth/principal";
import { isSessionLive, newSessionExpiry, renewedIdleExpiry } from "@/lib/auth/session-lifetime";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { errorLabel } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { toTheme } from "@/lib/validations/theme";
import type { Actor } from "./actor";
import { recordAuditEvent } from "./audit-record";
import { toBoolean, toDate } from "./raw-values";

export type SessionEndReason = "signed_out" | "signed_out_everywhere" | "password_changed" | "disabled";

type SessionWriter = Pick<Prisma.TransactionClient, "session">;

/**
 * Starts the session of a person who has just proved their password and returns its id, for the cookie.
 * Each sign-in also deletes the rows whose expiry has passed, so the table holds no more than the sign-ins
 * of the last SESSION_MAX_LIFETIME_SECONDS; a failure there is logged and left to the next sign-in.
 */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomUUID();
  const expiry = newSessionExpiry(now, env().SESSION_MAX_LIFETIME_SECONDS);
  await db.$transaction([
    db.session.create({ data: { id, userId, createdAt: now, ...expiry } }),
    db.user.update({ where: { id: userId }, data: { lastLoginAt: now } }),
  ]);
  await db.session
    .deleteMany({ where: { idleExpiresAt: { lte: now } } })
    .catch((error: unknown) => console.error("Could not prune expired sessions; will retry:", errorLabel(error)));
  return id;
}

type Row = Record<"userId" | "expiresAt" | "idleExpiresAt" | "endedAt", unknown> &
  Record<"workspaceId" | "isAdmin" | "isDisabled" | "email" | "name" | "theme", unknown>;

/**
 * The person signed in with this session, as they are now; null once the session has ended or expired, or
 * the person is disabled or deleted. This runs on every request that uses the cookie.
 */
export async function findSessionUser(
  sessionId: string,
  workspaceId: string,
  now = new Date(),
): Promise<SessionPrincipal | null> {
  return (await readLiveSession(sessionId, workspaceId, now))?.user ?? null;
}

/**
 * For next-auth's GET /api/auth/session, which issues the cookie again with a new idle expiry: true, and the
 * row's idle expiry moved along (never past the absolute end), when the session is still live; else false.
 */
export async function renewSession(sessionId: string, workspaceId: string, now = new Date()): Promise<boolean> {
  const live = await readLiveSession(sessionId, workspaceId, now);
  if (!live) return false;
  const idleExpiresAt = renewedIdleExpiry(now, live.expiresAt);
  await db.session.update({ where: { id: sessionId }, data: { idleExpiresAt } });
  return true;
}

/**
 * One indexed read of the session joined with its person, in one portable statement (double-quoted
 * identifiers, a bound parameter): a nested Prisma select would cost a second round-trip. A session of another
 * workspace than the request's is no session here.
 */
async function readLiveSession(
  sessionId: string,
  workspaceId: string,
  now: Date,
): Promise<{ user: SessionPrincipal; expiresAt: Date } | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."userId", s."expiresAt", s."idleExpiresAt", s."endedAt",
           u."workspaceId", u."isAdmin", u."isDisabled", u."email", u."name", u."theme"
    FROM "sessions" s
    JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND u."workspaceId" = ${workspaceId}`;
  const row = rows[0];
  if (!row) return null;
  const session = {
    endedAt: toDate(row.endedAt),
    expiresAt: toDate(row.expiresAt) ?? new Date(0),
    idleExpiresAt: toDate(row.idleExpiresAt) ?? new Date(0),
  };
  if (!isSessionLive(session, now) || toBoolean(row.isDisabled)) return null;
  const user: SessionPrincipal = {
    userId: String(row.userId),
    workspaceId: String(row.workspaceId),
    isAdmin: toBoolean(row.isAdmin),
    via: "session",
    sessionId,
    email: String(row.email),
    name: String(row.name),
    theme: toTheme(row.theme),
  };
  return { user, expiresAt: session.expiresAt };
}

/** Ends one session (signing out): every copy of its cookie is refused from the next request on. */
export async function endSession(
  sessionId: string,
  workspaceId: string,
  reason: SessionEndReason,
  now = new Date(),
): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, endedAt: null, user: { workspaceId } },
    data: { endedAt: now, endReason: reason },
  });
}

/**
 * Ends every live session of a person but the one named in `except` (the one a password was changed with),
 * inside the caller's transaction; returns how many ended.
 */
export async function endSessionsOf(
  writer: SessionWriter,
  userId: string,
  reason: SessionEndReason,
  { except = null, now = new Date() }: { except?: string | null; now?: Date } = {},
): Promise<number> {
  const { count } = await writer.session.updateMany({
    where: { userId, endedAt: null, idleExpiresAt: { gt: now }, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: now, endReason: reason },
  });
  return count;
}

/** Profile > Sign out everywhere: ends every session of the person, this one included, and records it. */
export async function signOutEverywhere(actor: Actor, source: AuditSource): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await endSessionsOf(tx, actor.userId, "signed_out_everywhere");
    await recordAuditEvent(tx, {
      type: "person.sessions_ended",
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      source,
      subjectId: actor.userId,
      details: { reason: "signed_out_everywhere", count: ended },
    });
    return ended;
  });
}

/** How many sessions of the person can still be used (this browser's included). */
export async function countLiveSessions(actor: Actor, now = new Date()): Promise<number> {
  return db.session.count({ where: { userId: actor.userId, endedAt: null, idleExpiresAt: { gt: now } } });
}
