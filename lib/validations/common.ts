import { z } from "zod";
import { unsafeCharacterProblem } from "./text";

/**
 * Error options for z.object: says when the body is not an object. Unknown fields are dropped, never seen by a
 * handler: clients may send more than Tessera knows (docs/api.md, Compatibility).
 */
export const objectErrors = { error: "must be a JSON object" };

/** A type error message that says "is required" when the field is missing. */
export const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what}`;

/**
 * Text that people set and others read (a token's description, a person's name): trimmed, at most `max`
 * characters, and free of anything that hides or disguises text (lib/validations/text.ts).
 */
export function plainText({ min = 0, max }: { min?: number; max: number }) {
  return z
    .string({ error: required("a string") })
    .trim()
    .min(min, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` })
    .check((ctx) => {
      const problem = unsafeCharacterProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    });
}

// Person ids are randomUUID()s (createPerson, bootstrap). Anything else names nobody and is refused before the
// database sees it: PostgreSQL answers a NUL byte in a text parameter with an error, not with an empty result.
const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the type first: RegExp.test would turn ["<uuid>"] or an object into a string and match that. */
export function isPersonId(id: unknown): id is string {
  return typeof id === "string" && PERSON_ID.test(id);
}
