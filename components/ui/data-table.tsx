import type { ReactNode } from "react";

type Column = string | { label: string; hidden: true };

type Props = {
  caption: string;
  columns: Column[];
  /** Narrower cell padding (px-3, rows to match), for a table with many columns. */
  compact?: boolean;
  children: ReactNode;
};

/** A bordered table with a screen-reader caption and a header row; rows go in as children. */
export function DataTable({ caption, columns, compact = false, children }: Props) {
  return (
    // relative: a visually hidden header stays inside the scroll box instead of widening the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
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
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
