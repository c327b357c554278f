import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A column's header; a hidden one (the row's actions) is named for screen readers only. */
type Column = string | { label: string; hidden: true };

type Props = {
  caption: string;
  columns: Column[];
  /** Narrower cell padding (px-3, rows to match), for a table with many columns. */
  compact?: boolean;
  children: ReactNode;
};

/**
 * A bordered table with a screen-reader caption and a header row; rows go in as children. A table wider than
 * its frame scrolls inside it (never the page), with its first column and, when the last column is a row's
 * actions, that one kept in view (globals.css, .data-table).
 */
export function DataTable({ caption, columns, compact = false, children }: Props) {
  const last = columns.at(-1);
  const hasActions = typeof last === "object" && last.hidden;
  return (
    // relative: the sr-only header's absolute box is positioned within the frame, so it cannot widen the page.
    // A frame that scrolls must be reachable by keyboard (arrow keys scroll it): a named region, in the Tab order.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <table className={cn("data-table w-full text-left text-sm", hasActions && "data-table-actions")}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-700 dark:text-slate-400">
          <tr className="bg-slate-50 dark:bg-slate-800">
            {columns.map((column) => {
              const label = typeof column === "string" ? column : column.label;
              return (
                <th key={label} scope="col" className={compact ? "px-3 py-3" : "px-4 py-3"}>
                  {typeof column === "string" ? label : <span className="sr-only">{label}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800 [&>tr]:bg-white dark:[&>tr]:bg-slate-900">
          {children}
        </tbody>
      </table>
    </div>
  );
}
