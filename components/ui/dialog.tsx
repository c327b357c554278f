"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Button } from "./button";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type ContentProps = ComponentProps<typeof RadixDialog.Content> & { title: string; description?: ReactNode };

/** A modal dialog: focus trapped, Escape and the overlay close it unless the caller prevents it. */
export function DialogContent({ title, description, className, children, ...props }: ContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50 dark:bg-black/70" />
      <RadixDialog.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg overflow-y-auto -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white dark:bg-slate-900 p-6 shadow-xl",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
        {description && (
          <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {description}
          </RadixDialog.Description>
        )}
        <div className="mt-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

type FormActionsProps = { pending: boolean; submitLabel: string; pendingLabel: string; message?: string };

/** A dialog form's footer: its error message, Cancel, and a submit button that shows progress. */
export function DialogFormActions({ pending, submitLabel, pendingLabel, message }: FormActionsProps) {
  return (
    <>
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-3 pt-2">
        <RadixDialog.Close asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </RadixDialog.Close>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </>
  );
}
