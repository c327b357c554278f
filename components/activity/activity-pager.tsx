import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { activityHref, type ActivityQuery } from "@/lib/audit/activity-query";

type Props = { path: string; values: ActivityQuery["values"]; page: number; pageCount: number; total: number };

export function ActivityPager({ path, values, page, pageCount, total }: Props) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page} of {pageCount} ({total} events)
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link href={activityHref(path, values, page - 1)} className={buttonClasses("secondary")}>
            Previous page
          </Link>
        )}
        {page < pageCount && (
          <Link href={activityHref(path, values, page + 1)} className={buttonClasses("secondary")}>
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}
