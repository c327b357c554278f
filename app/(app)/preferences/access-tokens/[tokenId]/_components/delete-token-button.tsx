"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { DeleteTokenAction } from "@/components/token-row-menu";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

type Props = {
  tokenId: string;
  description: string;
  deleteAction: DeleteTokenAction;
  /** Where to go once the token is gone: the list it was opened from. */
  afterDelete: string;
};

/** The token page's Delete Token...: the same confirmation as the list's row menu, then back to the list. */
export function DeleteTokenButton({ tokenId, description, deleteAction, afterDelete }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirmDelete() {
    setError(null);
    startTransition(async () => {
      const result = await deleteAction(tokenId);
      if (result.ok) router.replace(afterDelete);
      else setError(result.message ?? "The token could not be deleted.");
    });
  }

  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete Token...
      </Button>
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
      />
    </>
  );
}
