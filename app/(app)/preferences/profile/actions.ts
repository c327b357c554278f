"use server";

import { headers } from "next/headers";
import { actionFailure } from "@/lib/action-errors";
import { requireUser, sessionAuditSource } from "@/lib/auth/session";
import { changePasswordThrottled } from "@/lib/auth/throttle";
import { signOutEverywhere } from "@/lib/data/sessions";
import { AppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/validations/people";

export type ChangePasswordState = {
  ok: boolean;
  fieldErrors: { currentPassword?: string; newPassword?: string; confirmPassword?: string };
  message?: string;
};

export async function changePasswordAction(input: {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}): Promise<ChangePasswordState> {
  const user = await requireUser();
  const fieldErrors: ChangePasswordState["fieldErrors"] = {};
  if (!input.currentPassword) fieldErrors.currentPassword = "Enter your current password";
  const parsed = passwordSchema.safeParse(input.newPassword);
  if (!parsed.success) fieldErrors.newPassword = `New password ${parsed.error.issues[0].message}`;
  else if (input.confirmPassword !== input.newPassword) fieldErrors.confirmPassword = "The passwords do not match";
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  try {
    const source = await sessionAuditSource();
    await changePasswordThrottled(await headers(), user, input.currentPassword, input.newPassword, source);
    return {
      ok: true,
      fieldErrors: {},
      message: "Password changed. Your access tokens keep working; your other sessions have ended.",
    };
  } catch (error) {
    if (error instanceof AppError && error.field === "currentPassword") {
      return { ok: false, fieldErrors: { currentPassword: "This is not your current password" } };
    }
    if (error instanceof AppError && error.code === "too_many_attempts") {
      return { ok: false, fieldErrors: { currentPassword: error.message } };
    }
    throw error;
  }
}

/** Ends every session of the signed-in person, this one included; the page then signs out and leaves. */
export async function signOutEverywhereAction(): Promise<{ ok: boolean; message?: string }> {
  const user = await requireUser();
  try {
    await signOutEverywhere(user, await sessionAuditSource());
    return { ok: true };
  } catch (error) {
    return { ok: false, message: actionFailure(error).message };
  }
}
