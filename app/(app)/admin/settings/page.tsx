import type { Metadata } from "next";
import { requireAdminUser } from "@/lib/auth/session";
import { getWorkspaceSettings } from "@/lib/data/workspace";
import { SettingsForm } from "./_components/settings-form";

export const metadata: Metadata = { title: "Workspace Settings" };

export default async function WorkspaceSettingsPage() {
  const admin = await requireAdminUser();
  const settings = await getWorkspaceSettings(admin);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Workspace Settings</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Who may hold API access tokens, and for how long. Changes apply to every token on its next request; tokens
          stopped by a setting work again when it is turned back.
        </p>
      </div>
      <SettingsForm settings={settings} />
    </div>
  );
}
