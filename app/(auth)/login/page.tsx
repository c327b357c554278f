import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getSignedInUser()) redirect(routes.accessTokens);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Sign in to Tessera</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">Manage your API access tokens.</p>
        <LoginForm />
      </div>
    </main>
  );
}
