import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { UserMenu } from "@/components/user-menu";
import { requireUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="flex w-60 shrink-0 flex-col bg-slate-900 p-3">
        <Link href={routes.home} className="mb-6 px-3 py-2 text-lg font-bold tracking-tight text-white">
          Tessera
        </Link>
        <ul className="flex-1 space-y-1">
          <li>
            <NavLink href={routes.accessTokens}>Access Tokens</NavLink>
          </li>
          {user.isAdmin && (
            <>
              <li className="px-3 pt-4 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">Admin</li>
              <li>
                <NavLink href={routes.people}>People</NavLink>
              </li>
              <li>
                <NavLink href={routes.tokens}>Tokens</NavLink>
              </li>
              <li>
                <NavLink href={routes.workspaceSettings}>Workspace Settings</NavLink>
              </li>
              <li>
                <NavLink href={routes.activity}>Activity</NavLink>
              </li>
            </>
          )}
          <li className="px-3 pt-4 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">Help</li>
          <li>
            <NavLink href={routes.apiDocumentation}>API Documentation</NavLink>
          </li>
        </ul>
        <UserMenu name={user.name} email={user.email} />
      </nav>
      <main className="min-w-0 flex-1 p-8">{children}</main>
    </div>
  );
}
