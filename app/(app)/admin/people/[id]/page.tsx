import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TokenTable } from "@/components/token-table";
import { activityHref } from "@/lib/audit/activity-query";
import { requireAdminUser } from "@/lib/auth/session";
import { listPersonAccessTokens } from "@/lib/data/access-tokens";
import { getPerson } from "@/lib/data/people";
import { recentUsage } from "@/lib/data/token-usage";
import { AppError } from "@/lib/errors";
import { MAX_LIMIT } from "@/lib/http/pagination";
import { routes } from "@/lib/routes";
import { deletePersonTokenAction } from "../actions";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminUser();
  const { id } = await params;
  // An unknown id (or one from another workspace) is a missing page, not a server error.
  const person = await getPerson(admin, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const tokens = await listPersonAccessTokens(admin, person.id, { limit: MAX_LIMIT, offset: 0 });
  const usage = await recentUsage(tokens.data.map((token) => token.tokenId));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <Link href={routes.people} className="text-sm text-blue-800 dark:text-blue-300 hover:underline">
        ← People
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{person.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {person.email} · {person.isAdmin ? "Admin" : "Member"} · {person.isDisabled ? "Disabled" : "Active"}
        </p>
        <Link
          href={activityHref(routes.activity, { personId: person.id }, 1)}
          className="mt-2 inline-block text-sm text-blue-800 dark:text-blue-300 hover:underline"
        >
          Activity by or about {person.name}
        </Link>
      </div>
      <section aria-labelledby="person-tokens" className="space-y-3">
        <h2 id="person-tokens" className="text-lg font-semibold">
          Access tokens ({tokens.count})
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Token values are never shown. You can delete a token; nobody can create one for someone else.
        </p>
        <TokenTable
          tokens={tokens.data}
          usage={Object.fromEntries(usage)}
          deleteAction={deletePersonTokenAction}
          emptyMessage="This person holds no tokens."
        />
        {tokens.count > tokens.data.length && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Showing the newest {tokens.data.length} of {tokens.count}.
          </p>
        )}
      </section>
    </div>
  );
}
