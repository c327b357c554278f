import { describe, expect, it } from "vitest";
import { MAX_LIFETIME_DAYS } from "./access-token";
import { updateWorkspaceSettingsSchema } from "./workspace-settings";

type Issue = { path: string; message: string };

function issuesOf(input: unknown): Issue[] {
  const result = updateWorkspaceSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const RANGE = `must be from 1 to ${MAX_LIFETIME_DAYS} days, or -1 for unlimited`;

describe("updateWorkspaceSettingsSchema", () => {
  it("accepts any subset of the settings, including none", () => {
    expect(updateWorkspaceSettingsSchema.parse({})).toEqual({});
    expect(
      updateWorkspaceSettingsSchema.parse({
        apiAccessTokensEnabled: false,
        usersCanGenerateApiAccessTokens: true,
        maxUserTokenLifetimeDays: 30,
      }),
    ).toEqual({ apiAccessTokensEnabled: false, usersCanGenerateApiAccessTokens: true, maxUserTokenLifetimeDays: 30 });
  });

  it.each([-1, 1, 365, MAX_LIFETIME_DAYS])("accepts maxUserTokenLifetimeDays %d", (days) => {
    expect(updateWorkspaceSettingsSchema.parse({ maxUserTokenLifetimeDays: days })).toEqual({
      maxUserTokenLifetimeDays: days,
    });
  });

  it("accepts exactly 36500 days and refuses 36501", () => {
    expect(MAX_LIFETIME_DAYS).toBe(36_500);
    expect(issuesOf({ maxUserTokenLifetimeDays: 36_500 })).toEqual([]);
    expect(issuesOf({ maxUserTokenLifetimeDays: 36_501 })).toEqual([
      { path: "maxUserTokenLifetimeDays", message: RANGE },
    ]);
  });

  it.each([
    [0, RANGE],
    [-2, RANGE],
    [1.5, "must be a whole number of days"],
    ["30", "must be a number"],
    [null, "must be a number"],
  ])("refuses maxUserTokenLifetimeDays %j with a message naming the field", (days, message) => {
    expect(issuesOf({ maxUserTokenLifetimeDays: days })).toEqual([{ path: "maxUserTokenLifetimeDays", message }]);
  });

  it.each(["apiAccessTokensEnabled", "usersCanGenerateApiAccessTokens"])("refuses a non-boolean %s", (field) => {
    for (const value of ["true", 1, null]) {
      expect(issuesOf({ [field]: value })).toEqual([{ path: field, message: "must be true or false" }]);
    }
  });

  it("ignores an unknown field", () => {
    expect(updateWorkspaceSettingsSchema.parse({ maxTokenLifetimeDays: 30, name: "x" })).toEqual({});
  });

  it.each([null, [], "x", 1])("refuses a body that is not an object (%j)", (body) => {
    expect(issuesOf(body)).toEqual([{ path: "", message: "must be a JSON object" }]);
  });
});
