"use client";

import { useState, useTransition, type ComponentProps } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import type { ActionResult } from "@/lib/actions/action-result";

export type DeleteTokenAction = (tokenId: string) => Promise<ActionResult>;

type Props = {
  tokenId: string;
  description: string;
  deleteAction: DeleteTokenAction;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After the deletion succeeded: close the dialog, or leave the page of a token that is gone. */
  onDeleted: () => void;
  onCloseAutoFocus?: ComponentProps<typeof ConfirmDialog>["onCloseAutoFocus"];
};

/** Delete Token...'s confirmation, wherever it is offered (a list's row menu, the token's own page). */
export function DeleteTokenDialog({
  tokenId,
  description,
  deleteAction,
  open,
  onOpenChange,
  onDeleted,
  onCloseAutoFocus,
}: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirmDelete() {
    setError(null);
    startTransition(async () => {
      const result = await deleteAction(tokenId);
      if (result.ok) onDeleted();
      else setError(result.message ?? "The token could not be deleted.");
    });
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setError(null);
      }}
      title="Delete access token?"
      description={
        <>
          Token <span className="font-mono">{tokenId}</span>
          {description ? ` (${description})` : ""} stops working immediately for every script that uses it. This cannot
          be undone.
        </>
      }
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      onConfirm={confirmDelete}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  );
}
