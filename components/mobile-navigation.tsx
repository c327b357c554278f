"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog as RadixDialog } from "radix-ui";
import { useState, type MouseEvent, type ReactNode } from "react";

/**
 * Below the md width the left navigation is behind this Menu button: a modal panel (Radix: focus trapped while
 * open, Escape or the overlay closes it, focus back on the button) holding the same links and the User menu.
 */
export function MobileNavigation({ children }: { children: ReactNode }) {
  // Open on the page it was opened on: going to another page (a link, or the User menu's Preferences) closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  function setOpen(next: boolean) {
    setOpenOn(next ? pathname : null);
  }

  // A link to the page already shown changes no path; it closes the panel too.
  function closeOnLink(event: MouseEvent<HTMLElement>) {
    if (event.target instanceof Element && event.target.closest("a[href]")) setOpen(false);
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger className="inline-flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800">
        <Menu aria-hidden className="size-5" />
        Menu
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50 dark:bg-black/70" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onClick={closeOnLink}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[calc(100vw-3rem)] flex-col overflow-y-auto bg-slate-900 p-3 shadow-xl"
        >
          <div className="mb-4 flex items-center justify-between">
            <RadixDialog.Title className="px-3 py-2 text-lg font-bold tracking-tight text-white">
              Menu
            </RadixDialog.Title>
            <RadixDialog.Close aria-label="Close menu" className="rounded-md p-2 text-slate-100 hover:bg-slate-800">
              <X aria-hidden className="size-5" />
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
