// Plain words for the Activity pages: what an event's type and details mean to a person.
import type { AuditEventType } from "./event-types";

export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  "token.created": "Token created",
  "token.deleted": "Token deleted",
  "token.revoked": "Token revoked (leaked)",
  "token.first_used": "Token first used",
  "token.used_from_new_address": "Token used from a new address",
  "auth.throttled": "Too many failed attempts",
  "auth.account_under_attack": "Account under attack",
  "settings.changed": "Workspace settings changed",
  "person.created": "Person added",
  "person.changed": "Person changed",
  "person.password_changed": "Password changed",
  "person.sessions_ended": "Sessions ended",
};

const SESSION_END_REASONS: Record<string, string> = {
  signed_out_everywhere: "Signed out everywhere",
  password_changed: "By a password change",
  disabled: "By disabling the account",
};

const METHODS: Record<string, string> = { session: "the web app", password: "a password", token: "a token" };

/** One line about the event's details, or an empty string when there is nothing more to say. */
export function describeAuditDetails(type: AuditEventType, details: Record<string, unknown>): string {
  switch (type) {
    case "token.created": {
      const lifetime = Number(details.lifetimeSeconds);
      const lasts = lifetime === -1 ? "never expires" : `lifetime ${formatSeconds(lifetime)}`;
      return `With ${METHODS[String(details.method)] ?? "unknown means"}; ${lasts}`;
    }
    case "token.deleted":
      return details.byOwner === false ? "By an admin" : "By its owner";
    case "auth.throttled": {
      const what =
        details.keyKind === "account" ? `The account ${details.account ?? "(unknown email)"}` : "The address";
      const why = String(details.dimension).startsWith("token") ? "invalid tokens" : "wrong passwords";
      return `${what} was blocked for ${details.blockSeconds} s after ${why}`;
    }
    case "auth.account_under_attack":
      return `Wrong passwords for ${details.account} from addresses it never signed in from; they are held back, its own addresses still get in`;
    case "settings.changed":
    case "person.changed":
      return describeChange(details);
    case "person.created":
      return details.isAdmin === true ? "As an admin" : "As a member";
    case "person.sessions_ended": {
      const count = Number(details.count);
      const why = SESSION_END_REASONS[String(details.reason)] ?? "Ended";
      return `${why}: ${count} session${count === 1 ? "" : "s"} ended`;
    }
    default:
      return "";
  }
}

function describeChange(details: Record<string, unknown>): string {
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  return Object.keys(after)
    .map((key) => `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`)
    .join("; ");
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "unknown";
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds % 86_400 === 0) return count(seconds / 86_400, "day");
  if (seconds % 3600 === 0) return count(seconds / 3600, "hour");
  return count(seconds, "second");
}
