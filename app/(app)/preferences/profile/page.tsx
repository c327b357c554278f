import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  return (
    <section aria-labelledby="profile-heading" className="max-w-md space-y-6">
      <div>
        <h2 id="profile-heading" className="text-xl font-semibold">
          Profile
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h3 className="mb-4 font-semibold">Change password</h3>
        <ChangePasswordForm />
      </div>
    </section>
  );
}
