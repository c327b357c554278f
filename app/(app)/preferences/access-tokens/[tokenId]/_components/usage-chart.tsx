"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyUsage } from "@/lib/data/token-usage";

// Colours through currentColor and Tailwind classes (dark: included), so the chart follows the page's theme.
const SERIES = [
  { key: "accepted", label: "Accepted", className: "text-blue-600 dark:text-sky-400" },
  { key: "refused", label: "Refused", className: "text-red-600 dark:text-red-400" },
] as const;

type Props = {
  daily: DailyUsage[];
  /** The chart in one sentence; the page's table holds the numbers. */
  summary: string;
};

/** Daily uses as stacked bars, accepted and refused. Screen readers get the summary; the table has the days. */
export function UsageChart({ daily, summary }: Props) {
  return (
    <div className="text-slate-600 dark:text-slate-300">
      <div role="img" aria-label={summary} className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.2} />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => day.slice(5)}
              tick={{ fill: "currentColor", fontSize: 12 }}
              stroke="currentColor"
              minTickGap={24}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: "currentColor", fontSize: 12 }}
              stroke="currentColor"
              width={48}
            />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.1 }}
              content={({ active, payload, label }) =>
                active && payload?.length ? (
                  <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
                    <p className="font-medium">{String(label)} (UTC)</p>
                    {payload.map((entry) => (
                      <p key={String(entry.dataKey)}>
                        {entry.name}: {String(entry.value)}
                      </p>
                    ))}
                  </div>
                ) : null
              }
            />
            {SERIES.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={series.label}
                stackId="uses"
                fill="currentColor"
                className={series.className}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul aria-hidden className="mt-2 flex gap-4 text-xs">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span className={`inline-block size-3 rounded-sm bg-current ${series.className}`} />
            {series.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
