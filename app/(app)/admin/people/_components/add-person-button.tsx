"use client";

import { UserPlus } from "lucide-react";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import type { ActionFailure } from "@/lib/actions/action-result";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/people";
import { createPersonAction } from "../actions";

export function AddPersonButton() {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    startTransition(async () => {
      const result = await createPersonAction({
        email: text("email"),
        name: text("name"),
        password: text("password"),
        isAdmin: form.get("isAdmin") === "on",
      });
      setFailure(result.ok ? null : result);
      if (result.ok) setOpen(false);
    });
  }

  const errors = failure?.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setFailure(null);
        setOpen(next);
      }}
    >
      <Button onClick={() => setOpen(true)}>
        <UserPlus aria-hidden className="size-4" />
        Add person
      </Button>
      <DialogContent title="Add person" description="They sign in with this email and initial password.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field id="person-email" name="email" type="email" label="Email" autoFocus error={errors.email} />
          <Field id="person-name" name="name" label="Name" error={errors.name} />
          <Field
            id="person-password"
            name="password"
            type="password"
            autoComplete="new-password"
            label="Initial password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            error={errors.password}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isAdmin" /> Workspace admin
          </label>
          <DialogFormActions
            pending={pending}
            submitLabel="Add person"
            pendingLabel="Adding…"
            message={failure?.message}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
