import Link from "next/link";
import type { ReactNode } from "react";
import { MobileNavigation } from "@/components/mobile-navigation";
import { NavLink } from "@/components/nav-link";
import { UserMenu } from "@/components/user-menu";
import { requireUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // One navigation, shown in two places: the left column from the md width, behind the Menu button below it.
  const navigation = (
    <nav aria-label="Main" className="flex flex-1 flex-col">
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
  );
  const brand = (
    <Link href={routes.home} className="px-3 py-2 text-lg font-bold tracking-tight text-white">
      Tessera
    </Link>
  );
  return (
    <div className="min-h-screen md:flex">
      <header className="sticky top-0 z-30 flex items-center gap-2 bg-slate-900 px-2 py-1 md:hidden">
        <MobileNavigation>{navigation}</MobileNavigation>
        {brand}
      </header>
      <div className="hidden w-56 shrink-0 flex-col bg-slate-900 p-3 md:flex dark:border-r dark:border-slate-800">
        <div className="mb-6 flex">{brand}</div>
        {navigation}
      </div>
      <main className="min-w-0 flex-1 p-4 sm:p-6 lg:p-8">{children}</main>
    </div>
  );
}
