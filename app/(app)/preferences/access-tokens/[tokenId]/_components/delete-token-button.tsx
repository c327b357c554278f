"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DeleteTokenDialog, type DeleteTokenAction } from "@/components/delete-token-dialog";
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
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete Token...
      </Button>
      <DeleteTokenDialog
        tokenId={tokenId}
        description={description}
        deleteAction={deleteAction}
        open={confirming}
        onOpenChange={setConfirming}
        onDeleted={() => router.replace(afterDelete)}
      />
    </>
  );
}
