/**
 * A timestamp shown the same way to everyone, in UTC, with the machine-readable value attached. Where a table is
 * tight it breaks between the date and the time, never inside either.
 */
export function UtcTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso}>
      <span className="whitespace-nowrap">{iso.slice(0, 10)}</span>{" "}
      <span className="whitespace-nowrap">{iso.slice(11, 16)} UTC</span>
    </time>
  );
}
