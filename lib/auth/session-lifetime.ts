// How long a browser stays signed in. Idle: a session cookie is good for 24 hours after it was issued, at
// sign-in or when next-auth's GET /api/auth/session renews it. Absolute: however often it is renewed, a
// session ends SESSION_MAX_LIFETIME_SECONDS after sign-in (default 7 days, lib/env.ts). Both are checked in
// the database on every request (lib/data/sessions.ts), besides the idle expiry inside the cookie itself.
export const SESSION_IDLE_SECONDS = 24 * 60 * 60;

/** A session started now: its absolute end, and the idle end of the cookie issued with it. */
export function newSessionExpiry(now: Date, maxLifetimeSeconds: number): { expiresAt: Date; idleExpiresAt: Date } {
  const expiresAt = new Date(now.getTime() + maxLifetimeSeconds * 1000);
  return { expiresAt, idleExpiresAt: renewedIdleExpiry(now, expiresAt) };
}

/** The idle end of a cookie issued now: 24 hours on, but never past the session's absolute end. */
export function renewedIdleExpiry(now: Date, expiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_SECONDS * 1000, expiresAt.getTime()));
}

/** A session can be used while it has not been ended and neither of its limits has passed. */
export function isSessionLive(
  session: { endedAt: Date | null; expiresAt: Date; idleExpiresAt: Date },
  now: Date,
): boolean {
  return session.endedAt === null && now < session.idleExpiresAt && now < session.expiresAt;
}
