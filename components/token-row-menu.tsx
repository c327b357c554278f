"use client";

import { EllipsisVertical } from "lucide-react";
import { useRef, useState } from "react";
import { DeleteTokenDialog, type DeleteTokenAction } from "@/components/delete-token-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type Props = { tokenId: string; description: string; deleteAction: DeleteTokenAction };

/** The row's context menu; its Delete Token... item asks for confirmation, then deletes. */
export function TokenRowMenu({ tokenId, description, deleteAction }: Props) {
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

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
      <DeleteTokenDialog
        tokenId={tokenId}
        description={description}
        deleteAction={deleteAction}
        open={confirming}
        onOpenChange={setConfirming}
        onDeleted={() => setConfirming(false)}
        onCloseAutoFocus={(event) => {
          // Back to this row's menu button (after a deletion the row, and the button, are gone).
          event.preventDefault();
          triggerRef.current?.focus();
        }}
      />
    </>
  );
}
