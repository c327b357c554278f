import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { ActivityQuery } from "@/lib/audit/activity-query";
import { AUDIT_EVENT_LABELS } from "@/lib/audit/describe";
import { auditEventTypes } from "@/lib/audit/event-types";

const selectClasses =
  "block w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm shadow-sm focus:border-blue-600 dark:focus:border-blue-400 focus:outline-none";

type Props = {
  path: string;
  values: ActivityQuery["values"];
  /** The people to choose from; omitted where only one's own events are shown. */
  people?: Array<{ id: string; email: string }>;
};

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function ActivityFilters({ path, values, people }: Props) {
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label="Filter activity"
      className="flex flex-wrap items-end gap-3"
    >
      {people && (
        <div className="space-y-1">
          <label htmlFor="activity-person" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Person
          </label>
          <select id="activity-person" name="personId" defaultValue={values.personId ?? ""} className={selectClasses}>
            <option value="">Everyone</option>
            {values.personId && !people.some((p) => p.id === values.personId) && (
              <option value={values.personId}>{values.personId}</option>
            )}
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.email}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor="activity-token" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Token ID
        </label>
        <input
          id="activity-token"
          name="tokenId"
          defaultValue={values.tokenId ?? ""}
          placeholder="16 characters"
          autoComplete="off"
          spellCheck={false}
          className={`${selectClasses} font-mono`}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="activity-type" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Event
        </label>
        <select id="activity-type" name="type" defaultValue={values.type ?? ""} className={selectClasses}>
          <option value="">All events</option>
          {auditEventTypes.map((type) => (
            <option key={type} value={type}>
              {AUDIT_EVENT_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClasses("primary")}>
        Filter
      </button>
      <Link href={path} className={buttonClasses("secondary")}>
        Clear filters
      </Link>
    </form>
  );
}
