import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type Props = {
  page: number;
  pageCount: number;
  total: number;
  /** What is counted, plural: "tokens", "events". */
  noun: string;
  hrefFor: (page: number) => string;
};

/** Previous/next links under a paged table, with where you are. */
export function Pager({ page, pageCount, total, noun, hrefFor }: Props) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
      <span>
        Page {page} of {pageCount} ({total} {noun})
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link href={hrefFor(page - 1)} className={buttonClasses("secondary")}>
            Previous page
          </Link>
        )}
        {page < pageCount && (
          <Link href={hrefFor(page + 1)} className={buttonClasses("secondary")}>
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}
