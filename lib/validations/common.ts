/** Error options for z.strictObject: names unknown fields, and says when the body is not an object. */
export const strictObjectErrors = {
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `unknown field ${issue.keys?.join(", ")}` : "must be a JSON object",
};

/** A type error message that says "is required" when the field is missing. */
export const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what}`;
