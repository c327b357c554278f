"use client";

import { AlertDialog as RadixAlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "./button";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  /** Where focus goes on close; Radix returns it only to an AlertDialog.Trigger, which callers may not use. */
  onCloseAutoFocus?: (event: Event) => void;
};

/**
 * Asks before a destructive action. It stays open while the action runs and closes only when the caller
 * reports success (by closing it); a failure is shown inside the dialog.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <RadixAlertDialog.Root open={props.open} onOpenChange={(open) => !props.pending && props.onOpenChange(open)}>
      <RadixAlertDialog.Portal>
        <RadixAlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50 dark:bg-black/70" />
        <RadixAlertDialog.Content
          onCloseAutoFocus={props.onCloseAutoFocus}
          className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md overflow-y-auto -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white dark:bg-slate-900 p-6 shadow-xl"
        >
          <RadixAlertDialog.Title className="text-lg font-semibold">{props.title}</RadixAlertDialog.Title>
          <RadixAlertDialog.Description className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {props.description}
          </RadixAlertDialog.Description>
          {props.error && (
            <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
              {props.error}
            </p>
          )}
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <RadixAlertDialog.Cancel className={buttonClasses("secondary")} disabled={props.pending}>
              Cancel
            </RadixAlertDialog.Cancel>
            {/* Not an AlertDialog.Action: that would close the dialog before the action has succeeded. */}
            <Button variant="danger" onClick={props.onConfirm} disabled={props.pending} aria-busy={props.pending}>
              {props.pending ? props.pendingLabel : props.confirmLabel}
            </Button>
          </div>
        </RadixAlertDialog.Content>
      </RadixAlertDialog.Portal>
    </RadixAlertDialog.Root>
  );
}
