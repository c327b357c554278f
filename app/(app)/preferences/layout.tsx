import type { ReactNode } from "react";
import { routes } from "@/lib/routes";
import { PreferencesTab } from "./_components/preferences-tab";

export default function PreferencesLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold">Preferences</h1>
      <nav aria-label="Preferences" className="mt-4 mb-6 flex gap-1 border-b border-slate-200">
        <PreferencesTab href={routes.accessTokens}>Access Tokens</PreferencesTab>
        <PreferencesTab href={routes.profile}>Profile</PreferencesTab>
        <PreferencesTab href={routes.ownActivity}>Activity</PreferencesTab>
      </nav>
      {children}
    </div>
  );
}
