import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordSchema, createPersonSchema, passwordSchema, updatePersonSchema } from "./people";

type Issue = { path: string; message: string };

function issuesOf(schema: z.ZodType, input: unknown): Issue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const valid = { email: "ada@example.com", name: "Ada Lovelace", password: "correct horse" };

describe("createPersonSchema", () => {
  it("accepts a valid person, trims email and name, and defaults isAdmin to false", () => {
    expect(createPersonSchema.parse({ ...valid, email: "  ada@example.com ", name: "  Ada Lovelace " })).toEqual({
      ...valid,
      isAdmin: false,
    });
    expect(createPersonSchema.parse({ ...valid, isAdmin: true }).isAdmin).toBe(true);
  });

  it.each(["email", "name", "password"] as const)("says %s is required when it is missing", (field) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    expect(issuesOf(createPersonSchema, input)).toEqual([{ path: field, message: "is required" }]);
  });

  it.each(["nope", "ada@", "@example.com", "ada@example", "ada example.com", "ada@@example.com"])(
    "refuses the email %j",
    (email) => {
      expect(issuesOf(createPersonSchema, { ...valid, email })).toEqual([
        { path: "email", message: "must be an email address" },
      ]);
    },
  );

  it("refuses an email that is not a string or is over 254 characters", () => {
    expect(issuesOf(createPersonSchema, { ...valid, email: 42 })).toEqual([
      { path: "email", message: "must be a string" },
    ]);
    const long = `${"a".repeat(243)}@example.com`;
    expect(long).toHaveLength(255);
    expect(issuesOf(createPersonSchema, { ...valid, email: long })[0]).toEqual({
      path: "email",
      message: "must be at most 254 characters",
    });
  });

  it.each(["", "   "])("refuses the empty name %j", (name) => {
    expect(issuesOf(createPersonSchema, { ...valid, name })).toEqual([{ path: "name", message: "must not be empty" }]);
  });

  it.each([
    ["a\u0000b", "must not contain control characters (U+0000)"],
    ["line\nbreak", "must not contain control characters (U+000A)"],
    ["esc\u001b[31m", "must not contain control characters (U+001B)"],
    ["Ada\u202ELovelace", "must not contain invisible or direction-changing characters (U+202E)"],
    ["Ada\u2066x\u2069", "must not contain invisible or direction-changing characters (U+2066)"],
    ["A\u200Bda", "must not contain invisible or direction-changing characters (U+200B)"],
    ["Ada\u00ADLovelace", "must not contain invisible or direction-changing characters (U+00AD)"],
    ["Ada\u2029Lovelace", "must not contain line or paragraph separators (U+2029)"],
    ["Ada \uDBFF", "must not contain unpaired surrogates (U+DBFF)"],
  ])("refuses a name that lies about itself (%j)", (name, message) => {
    expect(issuesOf(createPersonSchema, { ...valid, name })).toEqual([{ path: "name", message }]);
    expect(issuesOf(updatePersonSchema, { name })).toEqual([{ path: "name", message }]);
  });

  it.each(["Zoë Ærøskøbing", "李小龍", "محمد", "שרה", "Дмитрий", "Ada 👩‍💻"])("accepts the name %j", (name) => {
    expect(createPersonSchema.parse({ ...valid, name }).name).toBe(name);
  });

  it.each(["ada\u202E@example.com", "a\u200Bda@example.com", "ada@exam\u00ADple.com", "ada@example.com\u0085"])(
    "refuses an email with invisible or direction-changing characters (%j)",
    (email) => {
      expect(issuesOf(createPersonSchema, { ...valid, email })).toEqual([
        { path: "email", message: "must be an email address" },
      ]);
    },
  );

  it("refuses a name over 100 characters", () => {
    expect(issuesOf(createPersonSchema, { ...valid, name: "n".repeat(101) })).toEqual([
      { path: "name", message: "must be at most 100 characters" },
    ]);
  });

  it.each(["true", 1, 0, null])("refuses isAdmin %j because it is not a boolean", (isAdmin) => {
    expect(issuesOf(createPersonSchema, { ...valid, isAdmin })).toEqual([
      { path: "isAdmin", message: "must be true or false" },
    ]);
  });

  it("ignores unknown fields, such as an attempt to set a password hash or an id", () => {
    expect(createPersonSchema.parse({ ...valid, passwordHash: "x", id: "y", isDisabled: true })).toEqual({
      ...valid,
      isAdmin: false,
    });
  });

  it("refuses a body that is not an object", () => {
    expect(issuesOf(createPersonSchema, [valid])).toEqual([{ path: "", message: "must be a JSON object" }]);
  });
});

describe("passwordSchema", () => {
  it("refuses a password shorter than 8 characters", () => {
    expect(issuesOf(passwordSchema, "1234567")).toEqual([{ path: "", message: "must be at least 8 characters" }]);
    expect(passwordSchema.parse("12345678")).toBe("12345678");
  });

  it("accepts up to 72 bytes and refuses more, counting UTF-8 bytes rather than characters", () => {
    expect(passwordSchema.parse("a".repeat(72))).toHaveLength(72);
    expect(issuesOf(passwordSchema, "a".repeat(73))).toEqual([{ path: "", message: "must be at most 72 bytes" }]);
    // "é" is 2 bytes: 36 of them fill bcrypt's 72 bytes exactly, 37 are 74 bytes in 37 characters.
    expect(passwordSchema.parse("é".repeat(36))).toHaveLength(36);
    expect(issuesOf(passwordSchema, "é".repeat(37))).toEqual([{ path: "", message: "must be at most 72 bytes" }]);
    expect(issuesOf(passwordSchema, "🔑".repeat(19))).toEqual([{ path: "", message: "must be at most 72 bytes" }]);
  });

  it("is not trimmed: spaces are part of the password", () => {
    expect(passwordSchema.parse("  secret pass  ")).toBe("  secret pass  ");
  });
});

describe("changePasswordSchema", () => {
  it("accepts the current and a valid new password", () => {
    expect(changePasswordSchema.parse({ currentPassword: "old", newPassword: "new password" })).toEqual({
      currentPassword: "old",
      newPassword: "new password",
    });
  });

  it("says which password is missing or empty", () => {
    expect(issuesOf(changePasswordSchema, { newPassword: "new password" })).toEqual([
      { path: "currentPassword", message: "is required" },
    ]);
    expect(issuesOf(changePasswordSchema, { currentPassword: "", newPassword: "new password" })).toEqual([
      { path: "currentPassword", message: "is required" },
    ]);
    expect(issuesOf(changePasswordSchema, { currentPassword: "old" })).toEqual([
      { path: "newPassword", message: "is required" },
    ]);
    expect(issuesOf(changePasswordSchema, { currentPassword: "old", newPassword: "short" })).toEqual([
      { path: "newPassword", message: "must be at least 8 characters" },
    ]);
  });
});

describe("updatePersonSchema", () => {
  it("accepts any subset of the editable fields, including none", () => {
    expect(updatePersonSchema.parse({})).toEqual({});
    expect(updatePersonSchema.parse({ isDisabled: true, canGenerateApiAccessTokens: false })).toEqual({
      isDisabled: true,
      canGenerateApiAccessTokens: false,
    });
    expect(updatePersonSchema.parse({ name: "  Grace  ", isAdmin: true })).toEqual({ name: "Grace", isAdmin: true });
  });

  it.each(["email", "password", "id", "createdAt"])("ignores the field %s that cannot be changed here", (field) => {
    expect(updatePersonSchema.parse({ [field]: "x", isAdmin: true })).toEqual({ isAdmin: true });
  });

  it.each(["isAdmin", "isDisabled", "canGenerateApiAccessTokens"])("refuses a non-boolean %s", (field) => {
    expect(issuesOf(updatePersonSchema, { [field]: "yes" })).toEqual([
      { path: field, message: "must be true or false" },
    ]);
  });

  it("refuses an empty name", () => {
    expect(issuesOf(updatePersonSchema, { name: " " })).toEqual([{ path: "name", message: "must not be empty" }]);
  });
});
