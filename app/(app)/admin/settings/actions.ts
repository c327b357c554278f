"use server";

import { revalidatePath } from "next/cache";
import { actionFailure, fieldErrorsOf } from "@/lib/action-errors";
import { requireAdminUser, sessionAuditSource } from "@/lib/auth/session";
import { updateWorkspaceSettings, type WorkspaceSettings } from "@/lib/data/workspace";
import { updateWorkspaceSettingsSchema } from "@/lib/validations/workspace-settings";

export type SaveSettingsState = {
  ok: boolean;
  changes?: string[];
  fieldErrors: Record<string, string>;
  message?: string;
};

export async function saveSettingsAction(input: {
  apiAccessTokensEnabled: boolean;
  usersCanGenerateApiAccessTokens: boolean;
  maxUserTokenLifetimeDays: string;
}): Promise<SaveSettingsState> {
  const admin = await requireAdminUser();
  const days = input.maxUserTokenLifetimeDays.trim();
  if (!/^-?\d+$/.test(days)) {
    return {
      ok: false,
      fieldErrors: { maxUserTokenLifetimeDays: "Enter a whole number of days, or -1 for unlimited" },
    };
  }
  const parsed = updateWorkspaceSettingsSchema.safeParse({ ...input, maxUserTokenLifetimeDays: Number(days) });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const { before, after } = await updateWorkspaceSettings(admin, parsed.data, await sessionAuditSource());
    revalidatePath("/", "layout");
    return { ok: true, changes: describeChanges(before, after), fieldErrors: {} };
  } catch (error) {
    return { ok: false, ...actionFailure(error) };
  }
}

function describeChanges(before: WorkspaceSettings, after: WorkspaceSettings): string[] {
  const changes: string[] = [];
  if (before.apiAccessTokensEnabled !== after.apiAccessTokensEnabled) {
    changes.push(`API access tokens ${after.apiAccessTokensEnabled ? "enabled" : "disabled"}`);
  }
  if (before.usersCanGenerateApiAccessTokens !== after.usersCanGenerateApiAccessTokens) {
    changes.push(
      after.usersCanGenerateApiAccessTokens
        ? "All users may now generate access tokens"
        : "Only admins and people with individual access may now generate access tokens",
    );
  }
  if (before.maxUserTokenLifetimeDays !== after.maxUserTokenLifetimeDays) {
    const days = (n: number) => (n === -1 ? "unlimited" : `${n} days`);
    changes.push(
      `Maximum token lifetime changed from ${days(before.maxUserTokenLifetimeDays)} to ${days(after.maxUserTokenLifetimeDays)}`,
    );
  }
  return changes;
}
