import { UtcTime } from "@/components/utc-time";

/** On a person's row while wrong passwords from elsewhere get their account blocked; nothing otherwise. */
export function UnderAttackBadge({ personId, blockedAt }: { personId: string; blockedAt: Date | undefined }) {
  if (!blockedAt) return null;
  const descriptionId = `under-attack-${personId}`;
  return (
    <span className="mt-1 block">
      <span
        aria-describedby={descriptionId}
        className="inline-block rounded bg-red-100 dark:bg-red-950 px-1.5 py-0.5 text-xs font-medium text-red-800 dark:text-red-300"
      >
        Under attack
      </span>
      <span id={descriptionId} className="block text-xs text-slate-600 dark:text-slate-400">
        Wrong passwords got this account blocked at <UtcTime iso={blockedAt.toISOString()} />; the person can still sign
        in.
      </span>
    </span>
  );
}
