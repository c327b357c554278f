import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { MAX_UNUSED_DAYS } from "@/lib/validations/token-inventory";

const fieldClasses =
  "block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
const labelClasses = "block text-sm font-medium text-slate-800 dark:text-slate-200";

export const SORT_LABELS = {
  "-created": "Newest first",
  created: "Oldest first",
  "-lastUsed": "Most recently used",
  lastUsed: "Least recently used",
  expiry: "Expiring soonest",
  "-expiry": "Expiring latest",
} as const;

type Props = {
  path: string;
  values: Record<string, string>;
  people: Array<{ id: string; email: string }>;
};

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked, shared and exported. */
export function TokenFilters({ path, values, people }: Props) {
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label="Filter tokens"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="space-y-1">
        <label htmlFor="tokens-person" className={labelClasses}>
          Person
        </label>
        <select id="tokens-person" name="personId" defaultValue={values.personId ?? ""} className={fieldClasses}>
          <option value="">Everyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.email}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="tokens-status" className={labelClasses}>
          Status
        </label>
        <select id="tokens-status" name="status" defaultValue={values.status ?? ""} className={fieldClasses}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="expired">Expired</option>
          <option value="blocked">Blocked by policy</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="tokens-unused" className={labelClasses}>
          Unused for (days)
        </label>
        <input
          id="tokens-unused"
          name="unusedDays"
          type="number"
          min={1}
          max={MAX_UNUSED_DAYS}
          defaultValue={values.unusedDays ?? ""}
          className={`${fieldClasses} w-28`}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="tokens-sort" className={labelClasses}>
          Sort
        </label>
        <select id="tokens-sort" name="sort" defaultValue={values.sort ?? "-created"} className={fieldClasses}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flex gap-4 pb-2 text-sm">
        <legend className="sr-only">Only tokens that</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="neverExpires" value="true" defaultChecked={values.neverExpires === "true"} />
          Never expire
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="neverUsed" value="true" defaultChecked={values.neverUsed === "true"} />
          Were never used
        </label>
      </fieldset>
      <button type="submit" className={buttonClasses("primary")}>
        Filter
      </button>
      <Link href={path} className={buttonClasses("secondary")}>
        Clear filters
      </Link>
    </form>
  );
}
