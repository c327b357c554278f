"use client";

import { useState, useTransition, type FormEvent } from "react";
import { accessHints, accessLabels, type TokenAccess } from "@/components/token-access";
import { Dialog, DialogContent, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { RadioFieldset } from "@/components/ui/radio-fieldset";
import type { ActionFailure } from "@/lib/actions/action-result";
import type { CreatedToken } from "@/lib/data/token-info";
import { MAX_DESCRIPTION_LENGTH } from "@/lib/validations/access-token";
import { generateTokenAction } from "../actions";

const accessOptions = (["read_write", "read_only"] as const satisfies TokenAccess[]).map((value) => ({
  value,
  label: accessLabels[value],
  hint: accessHints[value],
}));

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  maxLifetimeDays: number;
  onCreated: (created: CreatedToken) => void;
  onCloseAutoFocus: (event: Event) => void;
};

export function GenerateTokenDialog({ open, onOpenChange, maxLifetimeDays, onCreated, onCloseAutoFocus }: Props) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const unlimited = maxLifetimeDays === -1;
  const defaultDays = unlimited || maxLifetimeDays >= 30 ? "30" : String(maxLifetimeDays);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      lifetimeDays: String(form.get("lifetimeDays") ?? ""),
      description: String(form.get("description") ?? ""),
      // One of the two radio buttons is always checked (Read and write by default).
      access: form.get("access") === "read_only" ? ("read_only" as const) : ("read_write" as const),
    };
    startTransition(async () => {
      const result = await generateTokenAction(input);
      setFailure(result.ok ? null : result);
      if (result.ok) onCreated(result.data);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (!next) setFailure(null);
        onOpenChange(next);
      }}
    >
      <DialogContent
        title="Generate New Token"
        onCloseAutoFocus={onCloseAutoFocus}
        description="The token acts as you for every script that sends it, until it expires or you delete it."
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field
            id="lifetimeDays"
            name="lifetimeDays"
            label="Lifetime (days)"
            type="number"
            inputMode="numeric"
            defaultValue={defaultDays}
            required
            autoFocus
            error={failure?.fieldErrors.lifetimeDays}
            hint={
              unlimited
                ? "Any number of days, or -1 for a token that never expires."
                : `At most ${maxLifetimeDays} days in this workspace. Non-expiring tokens are not allowed.`
            }
          />
          <Field
            id="description"
            name="description"
            label="Description (optional)"
            maxLength={MAX_DESCRIPTION_LENGTH}
            placeholder="e.g. nightly export script"
            error={failure?.fieldErrors.description}
          />
          <RadioFieldset
            id="access"
            name="access"
            legend="Access"
            options={accessOptions}
            defaultValue="read_write"
            error={failure?.fieldErrors.access}
          />
          <DialogFormActions
            pending={pending}
            submitLabel="Generate"
            pendingLabel="Generating…"
            message={failure?.message}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
