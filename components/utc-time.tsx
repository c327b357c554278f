/**
 * A timestamp shown the same way to everyone, in UTC, with the machine-readable value attached. `day` shows the
 * date alone (the full time on hover), for tables with several dates in a row.
 */
export function UtcTime({ iso, day = false }: { iso: string; day?: boolean }) {
  const full = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return (
    <time dateTime={iso} title={day ? full : undefined}>
      {day ? iso.slice(0, 10) : full}
    </time>
  );
}
