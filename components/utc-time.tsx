/** A timestamp shown the same way to everyone, in UTC, with the machine-readable value attached. */
export function UtcTime({ iso }: { iso: string }) {
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
