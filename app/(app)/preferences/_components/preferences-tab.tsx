"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export function PreferencesTab({ href, children }: { href: string; children: ReactNode }) {
  const current = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
        current ? "border-blue-700 text-blue-800" : "border-transparent text-slate-600 hover:text-slate-900",
      )}
    >
      {children}
    </Link>
  );
}
