const WIDTH = 64;
const HEIGHT = 20;

/** uses in the last N days, as the sparkline's text alternative and the lists' wording. */
export function usesInLastDays(total: number, days: number): string {
  return `${total} ${total === 1 ? "use" : "uses"} in the last ${days} days`;
}

/**
 * A small line of daily counts, oldest first, with the total beside it; screen readers get the total in words.
 * Plain SVG: one per table row, so no chart library.
 */
export function Sparkline({ values }: { values: number[] }) {
  const total = values.reduce((sum, n) => sum + n, 0);
  const label = usesInLastDays(total, values.length);
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  // 1px inside the box top and bottom, so the stroke is never cut off.
  const points = values
    .map((n, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (n / max) * (HEIGHT - 2)).toFixed(1)}`)
    .join(" ");
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <svg
        role="img"
        aria-label={label}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="shrink-0 text-blue-600 dark:text-sky-400"
      >
        <title>{label}</title>
        <polyline
          points={points}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      </svg>
      <span aria-hidden className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
        {total}
      </span>
    </span>
  );
}
