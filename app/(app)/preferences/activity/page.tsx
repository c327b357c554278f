import type { Metadata } from "next";
import { ActivityView } from "@/components/activity/activity-view";
import { ACTIVITY_PAGE_SIZE, activityQuery, type SearchParams } from "@/lib/audit/activity-query";
import { requireUser } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit-events";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Activity" };

type Props = { searchParams: Promise<SearchParams> };

export default async function OwnActivityPage({ searchParams }: Props) {
  const user = await requireUser();
  // Only one's own events: a person filter would be refused, so it is not offered (and ignored here).
  const query = activityQuery({ ...(await searchParams), personId: undefined });
  const page = { limit: ACTIVITY_PAGE_SIZE, offset: (query.page - 1) * ACTIVITY_PAGE_SIZE };
  const events = await listAuditEvents(user, "own", query.filters, page);
  return (
    <section aria-labelledby="activity-heading" className="space-y-4">
      <div>
        <h2 id="activity-heading" className="text-xl font-semibold">
          Activity
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          What happened to your account and your tokens: created, first used, used from a new address, deleted or
          revoked, and blocked sign-in attempts. Check here for anything you do not recognise.
        </p>
      </div>
      <ActivityView path={routes.ownActivity} query={query} events={events} caption="Your audit events, newest first" />
    </section>
  );
}
