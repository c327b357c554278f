import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getSignedInUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tessera", template: "%s · Tessera" },
  description: "Self-hosted API access tokens",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce on its scripts
  // (see proxy.ts); a page prerendered at build time would have scripts the CSP blocks.
  await connection();
  // The signed-in person's theme is on <html> in the server's HTML, so a page never flashes in the wrong one;
  // "system" (and the sign-in page) follow prefers-color-scheme through the dark variant in globals.css.
  const theme = (await getSignedInUser())?.theme ?? "system";
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
