// The schemas of the forms that call server actions, with the forms' own wording.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordFormSchema, personChangeFormSchema, signInFormSchema } from "./people";
import { workspaceSettingsFormSchema } from "./workspace-settings";

function messagesOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("changePasswordFormSchema", () => {
  const form = (currentPassword: string, newPassword: string, confirmPassword = newPassword) => ({
    currentPassword,
    newPassword,
    confirmPassword,
  });

  it("accepts a current password and a confirmed new one", () => {
    expect(changePasswordFormSchema.parse(form("old", "new password"))).toEqual(form("old", "new password"));
  });

  it("asks for the current password and words the new password's problems after the field", () => {
    expect(messagesOf(changePasswordFormSchema, form("", "short"))).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "New password must be at least 8 characters",
    });
    expect(messagesOf(changePasswordFormSchema, form("old", "a".repeat(73)))).toEqual({
      newPassword: "New password must be at most 72 bytes",
    });
  });

  it("says the passwords do not match only when the new one is acceptable", () => {
    expect(messagesOf(changePasswordFormSchema, form("old", "new password", "other password"))).toEqual({
      confirmPassword: "The passwords do not match",
    });
    expect(messagesOf(changePasswordFormSchema, form("old", "short", "other"))).toEqual({
      newPassword: "New password must be at least 8 characters",
    });
  });

  it.each([{ not: "x" }, ["x"], 1, null])("refuses a field that is not a string (%j)", (value) => {
    for (const field of ["currentPassword", "newPassword", "confirmPassword"]) {
      expect(changePasswordFormSchema.safeParse({ ...form("old", "new password"), [field]: value }).success).toBe(
        false,
      );
    }
  });

  it.each([null, [], "form", 1])("refuses a form that is not an object (%j), without throwing", (value) => {
    expect(changePasswordFormSchema.safeParse(value).success).toBe(false);
  });

  it("drops fields the form does not have", () => {
    expect(changePasswordFormSchema.parse({ ...form("old", "new password"), userId: "x" })).toEqual(
      form("old", "new password"),
    );
  });
});

describe("workspaceSettingsFormSchema", () => {
  const form = (maxUserTokenLifetimeDays: string) => ({
    apiAccessTokensEnabled: true,
    usersCanGenerateApiAccessTokens: false,
    maxUserTokenLifetimeDays,
  });

  it.each([
    [" 30 ", 30],
    ["-1", -1],
    ["36500", 36_500],
  ])("turns the lifetime %j into %d days", (days, expected) => {
    expect(workspaceSettingsFormSchema.parse(form(days)).maxUserTokenLifetimeDays).toBe(expected);
  });

  it.each([
    ["", "Enter a whole number of days, or -1 for unlimited"],
    ["1.5", "Enter a whole number of days, or -1 for unlimited"],
    ["1e3", "Enter a whole number of days, or -1 for unlimited"],
    ["0", "must be from 1 to 36500 days, or -1 for unlimited"],
    ["-2", "must be from 1 to 36500 days, or -1 for unlimited"],
    ["36501", "must be from 1 to 36500 days, or -1 for unlimited"],
  ])("refuses the lifetime %j", (days, message) => {
    expect(messagesOf(workspaceSettingsFormSchema, form(days))).toEqual({ maxUserTokenLifetimeDays: message });
  });

  it.each([{ not: "x" }, [true], "true", 1, null])("refuses a switch that is not a boolean (%j)", (value) => {
    expect(workspaceSettingsFormSchema.safeParse({ ...form("30"), apiAccessTokensEnabled: value }).success).toBe(false);
  });
});

describe("personChangeFormSchema", () => {
  it("takes the changes the row menu makes", () => {
    expect(personChangeFormSchema.parse({ isAdmin: true })).toEqual({ isAdmin: true });
    expect(personChangeFormSchema.parse({ canGenerateApiAccessTokens: false })).toEqual({
      canGenerateApiAccessTokens: false,
    });
  });

  it.each([{ not: "x" }, { contains: "" }, { isAdmin: true, passwordHash: "x" }])(
    "refuses a field it does not know (%j), which would otherwise be dropped into an empty change",
    (change) => {
      expect(personChangeFormSchema.safeParse(change).success).toBe(false);
    },
  );
});

describe("signInFormSchema", () => {
  it("trims the email and keeps the password as typed", () => {
    expect(signInFormSchema.parse({ email: " ada@example.test ", password: " secret " })).toEqual({
      email: "ada@example.test",
      password: " secret ",
    });
  });

  it("asks for both when either is empty", () => {
    for (const input of [
      { email: "   ", password: "secret" },
      { email: "ada@example.test", password: "" },
    ]) {
      expect(Object.values(messagesOf(signInFormSchema, input))).toEqual(["Enter your email and password."]);
    }
  });
});
