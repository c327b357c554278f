"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/action-result";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/people";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<ActionResult | null>(null);
  const fieldErrors = state?.ok === false ? state.fieldErrors : {};
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    startTransition(async () => {
      const result = await changePasswordAction({
        currentPassword: value("currentPassword"),
        newPassword: value("newPassword"),
        confirmPassword: value("confirmPassword"),
      });
      setState(result);
      if (result.ok) formRef.current?.reset();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      <Field
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        error={fieldErrors.currentPassword}
      />
      <Field
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors.newPassword}
      />
      <Field
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="Confirm new password"
        autoComplete="new-password"
        error={fieldErrors.confirmPassword}
      />
      <p role="status" className="text-sm text-green-800 dark:text-green-300">
        {state?.ok ? "Password changed. Your access tokens keep working; your other sessions have ended." : ""}
      </p>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
