import { Pager } from "@/components/ui/pager";
import { ACTIVITY_PAGE_SIZE, activityHref, type ActivityQuery } from "@/lib/audit/activity-query";
import type { AuditEventView } from "@/lib/data/audit-events";
import { ActivityFilters } from "./activity-filters";
import { ActivityTable } from "./activity-table";

type Props = {
  path: string;
  query: ActivityQuery;
  events: { data: AuditEventView[]; count: number };
  caption: string;
  people?: Array<{ id: string; email: string }>;
};

/** The filters, the problem with them if any, the table (or why it is empty) and the pages. */
export function ActivityView({ path, query, events, caption, people }: Props) {
  const pageCount = Math.max(1, Math.ceil(events.count / ACTIVITY_PAGE_SIZE));
  return (
    <div className="space-y-4">
      <ActivityFilters path={path} values={query.values} people={people} />
      {query.problem && (
        <p
          role="alert"
          className="rounded-md border border-red-200 dark:border-red-900 bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-300"
        >
          Filters not applied: {query.problem}
        </p>
      )}
      {events.data.length === 0 ? (
        <p className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
          No events match.
        </p>
      ) : (
        <ActivityTable events={events.data} caption={caption} />
      )}
      <Pager
        page={query.page}
        pageCount={pageCount}
        total={events.count}
        noun="events"
        hrefFor={(n) => activityHref(path, query.values, n)}
      />
    </div>
  );
}
