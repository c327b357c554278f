"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

const looks = {
  /** An entry of the left navigation. */
  sidebar: {
    base: "block rounded-md px-3 py-2 text-sm font-medium",
    current: "bg-slate-700 text-white",
    other: "text-slate-200 hover:bg-slate-800",
  },
  /** A tab above a section's pages (Preferences). */
  tab: {
    base: "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
    current: "border-blue-700 dark:border-blue-400 text-blue-800 dark:text-blue-300",
    other: "border-transparent text-slate-600 dark:text-slate-400 hover:text-slate-900 dark:hover:text-slate-100",
  },
};

/** A navigation link that marks itself as the current page, for its path and the pages below it. */
export function NavLink({
  href,
  look = "sidebar",
  children,
}: {
  href: string;
  look?: keyof typeof looks;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  const style = looks[look];
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(style.base, current ? style.current : style.other)}
    >
      {children}
    </Link>
  );
}
