// The audit trail's event types: stable strings that API clients may filter on (docs/api.md lists them).
export const AUDIT_EVENT_TYPES = {
  "token.created": "An access token was created (details.method: session, password or token)",
  "token.deleted": "An access token was deleted, by its owner or an admin",
  "token.revoked": "An access token was revoked by its value (POST /v4/apiAccessTokens/revoke)",
  "token.first_used": "An access token was used for the first time",
  "token.used_from_new_address": "An access token was used from an address it had not been used from",
  "auth.throttled": "Failed passwords or invalid tokens got an address or an account blocked for a while",
  "auth.account_under_attack":
    "Wrong passwords got a person's account blocked for the first time that day: someone is guessing at it",
  "settings.changed": "The workspace settings were changed (details.before, details.after)",
  "person.created": "A person was added to the workspace",
  "person.changed": "A person's name, role, status or token access was changed (details.before, details.after)",
  "person.password_changed": "A person changed their password",
  "person.sessions_ended":
    "A person's sign-in sessions were ended (details.reason: signed_out_everywhere, password_changed or disabled; details.count)",
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_TYPES;

export const auditEventTypes = Object.keys(AUDIT_EVENT_TYPES) as AuditEventType[];

export function isAuditEventType(value: string): value is AuditEventType {
  return Object.hasOwn(AUDIT_EVENT_TYPES, value);
}
