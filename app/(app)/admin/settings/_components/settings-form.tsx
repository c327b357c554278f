"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/action-result";
import type { WorkspaceSettings } from "@/lib/data/workspace";
import { saveSettingsAction } from "../actions";

export function SettingsForm({ settings }: { settings: WorkspaceSettings }) {
  const [state, setState] = useState<ActionResult<{ changes: string[] }> | null>(null);
  const failure = state?.ok === false ? state : null;
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      setState(
        await saveSettingsAction({
          apiAccessTokensEnabled: form.get("apiAccessTokensEnabled") === "enabled",
          usersCanGenerateApiAccessTokens: form.get("usersCanGenerateApiAccessTokens") === "on",
          maxUserTokenLifetimeDays: String(form.get("maxUserTokenLifetimeDays") ?? ""),
        }),
      );
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6"
    >
      <fieldset>
        <legend className="text-sm font-medium">API Access Token</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          When disabled, no token works and nobody can generate one.
        </p>
        <div className="mt-2 flex gap-6 text-sm">
          {(["enabled", "disabled"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="apiAccessTokensEnabled"
                value={value}
                defaultChecked={settings.apiAccessTokensEnabled === (value === "enabled")}
              />
              {value === "enabled" ? "Enabled" : "Disabled"}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="usersCanGenerateApiAccessTokens"
          defaultChecked={settings.usersCanGenerateApiAccessTokens}
          className="mt-0.5"
        />
        <span>
          <span className="font-medium">Allow users to generate access tokens</span>
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            Off: only admins, and people given individual access on the People page.
          </span>
        </span>
      </label>
      <Field
        id="maxUserTokenLifetimeDays"
        name="maxUserTokenLifetimeDays"
        label="Maximum lifetime for user generated access tokens (days)"
        type="number"
        defaultValue={String(settings.maxUserTokenLifetimeDays)}
        hint="-1 for unlimited (allows non-expiring tokens). Lowering it blocks tokens older than the new limit; raising it again restores them."
        error={failure?.fieldErrors.maxUserTokenLifetimeDays}
        className="max-w-40"
      />
      <div role="status" className="text-sm">
        {state?.ok &&
          (state.data.changes.length ? (
            <ul className="list-disc space-y-1 pl-5 text-green-800 dark:text-green-300">
              {state.data.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600 dark:text-slate-400">Saved. Nothing changed.</p>
          ))}
        {failure?.message && <p className="text-red-700 dark:text-red-400">{failure.message}</p>}
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
