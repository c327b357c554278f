/** Error options for z.strictObject: names unknown fields, and says when the body is not an object. */
export const strictObjectErrors = {
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `unknown field ${issue.keys?.join(", ")}` : "must be a JSON object",
};

/** A type error message that says "is required" when the field is missing. */
export const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what}`;

// Person ids are randomUUID()s (createPerson, bootstrap). Anything else names nobody and is refused before the
// database sees it: PostgreSQL answers a NUL byte in a text parameter with an error, not with an empty result.
const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the type first: RegExp.test would turn ["<uuid>"] or an object into a string and match that. */
export function isPersonId(id: unknown): id is string {
  return typeof id === "string" && PERSON_ID.test(id);
}
