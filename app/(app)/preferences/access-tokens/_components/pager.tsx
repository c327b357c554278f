import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export function Pager({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const href = (n: number) => `/preferences/access-tokens?page=${n}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page} of {pageCount} ({total} tokens)
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className={buttonClasses("secondary")}>
            Previous page
          </Link>
        )}
        {page < pageCount && (
          <Link href={href(page + 1)} className={buttonClasses("secondary")}>
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}
