import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { countLiveSessions } from "@/lib/data/sessions";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SignOutEverywhereButton } from "./_components/sign-out-everywhere-button";
import { ThemeForm } from "./_components/theme-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const sessions = await countLiveSessions(user);
  return (
    <section aria-labelledby="profile-heading" className="max-w-md space-y-6">
      <div>
        <h2 id="profile-heading" className="text-xl font-semibold">
          Profile
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {user.name} · {user.email}
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6">
        <h3 className="mb-4 font-semibold">Change password</h3>
        <ChangePasswordForm />
      </div>
      <div className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6">
        <h3 className="mb-4 font-semibold">Appearance</h3>
        <ThemeForm theme={user.theme} />
      </div>
      <div className="space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6">
        <h3 className="font-semibold">Sessions</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {sessions <= 1
            ? "This browser is your only active session."
            : `You have ${sessions} active sessions: this browser and ${sessions - 1} more.`}{" "}
          Signing out everywhere ends all of them, this one included.
        </p>
        <SignOutEverywhereButton />
      </div>
    </section>
  );
}
