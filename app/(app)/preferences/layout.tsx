import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { routes } from "@/lib/routes";

export default function PreferencesLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold">Preferences</h1>
      <nav aria-label="Preferences" className="mt-4 mb-6 flex gap-1 border-b border-slate-200 dark:border-slate-700">
        <NavLink look="tab" href={routes.accessTokens}>
          Access Tokens
        </NavLink>
        <NavLink look="tab" href={routes.profile}>
          Profile
        </NavLink>
        <NavLink look="tab" href={routes.ownActivity}>
          Activity
        </NavLink>
      </nav>
      {children}
    </div>
  );
}
