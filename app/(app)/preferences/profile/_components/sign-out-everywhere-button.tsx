"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { routes } from "@/lib/routes";
import { signOutEverywhereAction } from "../actions";

/** Ends every session of the person, then clears this browser's cookie and lands on the sign-in page. */
export function SignOutEverywhereButton() {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function signOutEverywhere() {
    setError(null);
    startTransition(async () => {
      const result = await signOutEverywhereAction();
      if (result.ok) await signOut({ callbackUrl: routes.login });
      else setError(result.message ?? "Could not sign out everywhere.");
    });
  }

  return (
    <div className="space-y-2">
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <Button variant="secondary" onClick={signOutEverywhere} disabled={pending} aria-busy={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
