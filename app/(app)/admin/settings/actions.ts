"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { updateWorkspaceSettings, type WorkspaceSettings } from "@/lib/data/workspace";
import { routes } from "@/lib/routes";
import { workspaceSettingsFormSchema } from "@/lib/validations/workspace-settings";

export const saveSettingsAction = serverAction(
  { args: z.tuple([workspaceSettingsFormSchema]), revalidate: [routes.home, "layout"] },
  async ([settings], { user, source }) => {
    const { before, after } = await updateWorkspaceSettings(user, settings, source);
    return { changes: describeChanges(before, after) };
  },
);

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
