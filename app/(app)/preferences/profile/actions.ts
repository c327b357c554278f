"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { changePassword, setTheme } from "@/lib/data/account";
import { signOutEverywhere } from "@/lib/data/sessions";
import { AppError } from "@/lib/errors";
import { changePasswordFormSchema } from "@/lib/validations/people";
import { themeSchema } from "@/lib/validations/theme";

export const changePasswordAction = serverAction(
  { args: z.tuple([changePasswordFormSchema]), fields: { currentPassword: "currentPassword" } },
  async ([{ currentPassword, newPassword }], { user, source }) => {
    await changePassword(await headers(), user, currentPassword, newPassword, source).catch(underCurrentPassword);
  },
);

/** Ends every session of the signed-in person, this one included; the page then signs out and leaves. */
export const signOutEverywhereAction = serverAction({ args: z.tuple([]) }, async (_args, { user, source }) => {
  await signOutEverywhere(user, source);
});

/** Keeps the person's theme; every page's <html> carries it from the next render (app/layout.tsx). */
export const setThemeAction = serverAction(
  { args: z.tuple([themeSchema]), revalidate: ["/", "layout"] },
  async ([theme], { user }) => setTheme(user, theme),
);

// The form words a wrong current password its own way, and shows the throttle's refusal under that field too.
function underCurrentPassword(error: unknown): never {
  if (!(error instanceof AppError) || (error.field !== "currentPassword" && error.code !== "too_many_attempts")) {
    throw error;
  }
  const message = error.code === "too_many_attempts" ? error.message : "This is not your current password";
  throw new AppError({ status: error.status, code: error.code, field: "currentPassword", message });
}
