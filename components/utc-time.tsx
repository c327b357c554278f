/**
 * A timestamp shown the same way to everyone, in UTC, with the machine-readable value attached. Where a table is
 * tight it breaks between the date and the time, never inside either. `day` shows the date alone (the full time
 * on hover), for tables with several dates in a row.
 */
export function UtcTime({ iso, day = false }: { iso: string; day?: boolean }) {
  const date = iso.slice(0, 10);
  const time = `${iso.slice(11, 16)} UTC`;
  return (
    <time dateTime={iso} title={day ? `${date} ${time}` : undefined}>
      <span className="whitespace-nowrap">{date}</span>
      {!day && (
        <>
          {" "}
          <span className="whitespace-nowrap">{time}</span>
        </>
      )}
    </time>
  );
}
