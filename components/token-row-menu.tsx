"use client";

import { EllipsisVertical } from "lucide-react";
import { useRef, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ActionResult } from "@/lib/actions/action-result";

export type DeleteTokenAction = (tokenId: string) => Promise<ActionResult>;

type Props = { tokenId: string; description: string; deleteAction: DeleteTokenAction };

/** The row's context menu; its Delete Token... item asks for confirmation, then deletes. */
export function TokenRowMenu({ tokenId, description, deleteAction }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const triggerRef = useRef<HTMLButtonElement>(null);

  function confirmDelete() {
    setError(null);
    startTransition(async () => {
      const result = await deleteAction(tokenId);
      if (result.ok) setConfirming(false);
      else setError(result.message ?? "The token could not be deleted.");
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          ref={triggerRef}
          aria-label={`Actions for token ${tokenId}`}
          className="rounded-md p-1.5 text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <EllipsisVertical aria-hidden className="size-4" />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem className="text-red-700 dark:text-red-400" onSelect={() => setConfirming(true)}>
            Delete Token...
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) setError(null);
        }}
        title="Delete access token?"
        description={
          <>
            Token <span className="font-mono">{tokenId}</span>
            {description ? ` (${description})` : ""} stops working immediately for every script that uses it. This
            cannot be undone.
          </>
        }
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={pending}
        error={error}
        onConfirm={confirmDelete}
        onCloseAutoFocus={(event) => {
          // Back to this row's menu button (after a deletion the row, and the button, are gone).
          event.preventDefault();
          triggerRef.current?.focus();
        }}
      />
    </>
  );
}
