// What a token may do, fixed when it is created (tokens are immutable). Two scopes, as GitLab names them:
// api (everything its owner may do; the default, and every token made before scopes existed) and read_api
// (reads only). The HTTP method of the request decides which scope it needs, so a new route cannot forget it.

export const SCOPES = ["api", "read_api"] as const;
export type Scope = (typeof SCOPES)[number];

/** Every token made before scopes existed, and every token created without asking for less. */
export const DEFAULT_SCOPES: readonly Scope[] = ["api"];

export const scopeDescriptions: Record<Scope, string> = {
  api: "Read and write: everything its owner may do",
  read_api: "Read only: GET and HEAD requests",
};

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The scope a request with this method needs: reads need read_api, anything else api. */
export function scopeNeededFor(method: string): Scope {
  return READ_METHODS.has(method.toUpperCase()) ? "read_api" : "api";
}

/** Whether a token with these scopes may do what needs this one (api includes read_api). */
export function allows(scopes: readonly Scope[], needed: Scope): boolean {
  return scopes.includes("api") || scopes.includes(needed);
}

export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

/** Deduplicated, in SCOPES order: the form they are stored and shown in. */
export function normalizeScopes(scopes: readonly Scope[]): Scope[] {
  return SCOPES.filter((scope) => scopes.includes(scope));
}

/** The stored column (space-separated, as OAuth writes scopes) to the list; anything unknown is dropped. */
export function parseStoredScopes(stored: string): Scope[] {
  const scopes = stored.split(" ").filter(isScope);
  return scopes.length > 0 ? normalizeScopes(scopes) : [...DEFAULT_SCOPES];
}

export function storedScopes(scopes: readonly Scope[]): string {
  return normalizeScopes(scopes).join(" ");
}
