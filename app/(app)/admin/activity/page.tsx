import type { Metadata } from "next";
import { ActivityView } from "@/components/activity/activity-view";
import { ACTIVITY_PAGE_SIZE, activityQuery, type SearchParams } from "@/lib/audit/activity-query";
import { requireAdminUser } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit-events";
import { listPeople } from "@/lib/data/people";
import { MAX_LIMIT } from "@/lib/http/pagination";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Activity" };

type Props = { searchParams: Promise<SearchParams> };

export default async function ActivityPage({ searchParams }: Props) {
  const admin = await requireAdminUser();
  const query = activityQuery(await searchParams);
  const page = { limit: ACTIVITY_PAGE_SIZE, offset: (query.page - 1) * ACTIVITY_PAGE_SIZE };
  const [events, people] = await Promise.all([
    listAuditEvents(admin, "workspace", query.filters, page),
    listPeople(admin, { limit: MAX_LIMIT, offset: 0 }),
  ]);
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The workspace&apos;s audit trail, newest first: tokens created, used from new addresses, deleted and revoked;
          bursts of failed sign-ins; changes to people and settings. Never a token value or a password.
        </p>
      </div>
      <ActivityView
        path={routes.activity}
        query={query}
        events={events}
        caption="Audit events, newest first"
        people={people.data.map(({ id, email }) => ({ id, email }))}
      />
    </div>
  );
}
