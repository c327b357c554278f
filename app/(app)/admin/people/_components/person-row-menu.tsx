"use client";

import { EllipsisVertical } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Person } from "@/lib/data/people";
import { routes } from "@/lib/routes";
import type { UpdatePersonInput } from "@/lib/validations/people";
import { updatePersonAction } from "../actions";

/** Role, status and individual token access for one person; failures (e.g. the last admin) show beside it. */
export function PersonRowMenu({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function change(update: UpdatePersonInput) {
    setError(null);
    startTransition(async () => {
      const result = await updatePersonAction(person.id, update);
      if (!result.ok) setError(result.message ?? "The change could not be saved.");
    });
  }

  return (
    <div className="inline-flex items-center gap-2">
      {error && (
        <span role="alert" className="max-w-64 text-left text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Actions for ${person.email}`}
          disabled={pending}
          className="rounded-md p-1.5 text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <EllipsisVertical aria-hidden className="size-4" />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => router.push(routes.person(person.id))}>View tokens</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => change({ canGenerateApiAccessTokens: !person.canGenerateApiAccessTokens })}>
            {person.canGenerateApiAccessTokens ? "Withdraw individual token access" : "Give individual token access"}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => change({ isAdmin: !person.isAdmin })}>
            {person.isAdmin ? "Remove admin role" : "Make admin"}
          </DropdownMenuItem>
          {!isSelf && (
            <DropdownMenuItem onSelect={() => change({ isDisabled: !person.isDisabled })}>
              {person.isDisabled ? "Enable account" : "Disable account"}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
