"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent } from "react";
import { RadioFieldset } from "@/components/ui/radio-fieldset";
import { themeSchema, type Theme } from "@/lib/validations/theme";
import { setThemeAction } from "../actions";

const options = [
  { value: "system", label: "System", hint: "Light or dark, as your device is set" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

/** System, Light or Dark, kept with the person's account; a choice applies at once, on every page. */
export function ThemeForm({ theme }: { theme: Theme }) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function choose(event: ChangeEvent<HTMLFormElement>) {
    const chosen = themeSchema.safeParse(event.target.value);
    if (!chosen.success) return;
    setError(null);
    setMessage("");
    startTransition(async () => {
      const result = await setThemeAction(chosen.data);
      if (!result.ok) {
        setError(result.message ?? "Could not save the theme.");
        return;
      }
      setMessage("Theme saved.");
      router.refresh();
    });
  }

  return (
    <form onChange={choose} aria-busy={pending} onSubmit={(event) => event.preventDefault()}>
      <RadioFieldset
        id="theme"
        name="theme"
        legend="Theme"
        options={options}
        defaultValue={theme}
        error={error ?? undefined}
      />
      {/* A polite live region rather than role="status": the password form above has the page's status. */}
      <p aria-live="polite" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {message}
      </p>
    </form>
  );
}
