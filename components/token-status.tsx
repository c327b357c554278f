import { cn } from "@/lib/cn";
import type { TokenInfo } from "@/lib/data/token-info";

const statusStyles: Record<TokenInfo["status"], string> = {
  active: "bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-200",
  expired: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  blocked: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
};

export const statusLabels: Record<TokenInfo["status"], string> = {
  active: "Active",
  expired: "Expired",
  blocked: "Blocked",
};

/** A token's status as a coloured pill, the same in every list and on the token's page. */
export function TokenStatus({ status }: { status: TokenInfo["status"] }) {
  return (
    <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", statusStyles[status])}>
      {statusLabels[status]}
    </span>
  );
}
