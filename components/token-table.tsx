import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/utc-time";
import { cn } from "@/lib/cn";
import type { TokenInfo } from "@/lib/data/token-info";
import { EXPIRES_SOON_DAYS, expiresSoon } from "@/lib/tokens/expiry";
import { accessHints, accessOf } from "./token-access";
import { TokenRowMenu, type DeleteTokenAction } from "./token-row-menu";

const statusStyles: Record<TokenInfo["status"], string> = {
  active: "bg-green-100 dark:bg-green-950 text-green-800 dark:text-green-300",
  expired: "bg-slate-200 dark:bg-slate-700 text-slate-700 dark:text-slate-300",
  blocked: "bg-red-100 dark:bg-red-950 text-red-800 dark:text-red-300",
};

const statusLabels: Record<TokenInfo["status"], string> = { active: "Active", expired: "Expired", blocked: "Blocked" };

type Props = {
  tokens: TokenInfo[];
  deleteAction: DeleteTokenAction;
  emptyMessage?: string;
};

/** A person's tokens (never their values), with a Delete Token... menu on each row. */
export function TokenTable({
  tokens,
  deleteAction,
  emptyMessage = "Tokens you generate are listed here until you delete them.",
}: Props) {
  // Rendered on the server, once per request: the flag is as fresh as the page.
  const now = new Date();
  if (tokens.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-6 py-10 text-center">
        <p className="font-medium">No access tokens yet</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{emptyMessage}</p>
      </div>
    );
  }
  return (
    <DataTable
      caption="Access tokens, newest first"
      columns={[
        "Token ID",
        "Description",
        "Status",
        "Created",
        "Expires",
        "Last Used",
        { label: "Actions", hidden: true },
      ]}
    >
      {tokens.map((token) => (
        <tr key={token.tokenId}>
          <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{token.tokenId}</td>
          <td className="px-4 py-3">
            {/* Beside the description where there is room, under it where the table is tight; no wider than
                before the badge (20rem with padding): a long description is cut short instead. */}
            <div className="flex max-w-72 flex-wrap items-center gap-x-2 gap-y-1">
              <span className="truncate" title={token.description}>
                {token.description || <span className="text-slate-400">—</span>}
              </span>
              {accessOf(token.scopes) === "read_only" && (
                <span
                  className="shrink-0 rounded-full bg-sky-100 dark:bg-sky-950 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-sky-900 dark:text-sky-200"
                  title={accessHints.read_only}
                >
                  Read only
                </span>
              )}
            </div>
          </td>
          <td className="px-4 py-3">
            <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium", statusStyles[token.status])}>
              {statusLabels[token.status]}
            </span>
          </td>
          <td className="px-4 py-3">
            <UtcTime iso={token.createdAt} />
          </td>
          <td className="px-4 py-3">
            {token.expiredAt ? <UtcTime iso={token.expiredAt} /> : "Never"}
            {/* Under the date rather than beside it, so the column stays as narrow as a date (1280 px fits all). */}
            {token.status === "active" && expiresSoon(token.expiredAt, now) && (
              <span
                className="mt-1 block w-fit rounded-full whitespace-nowrap bg-amber-100 dark:bg-amber-950 px-2 py-0.5 text-xs font-medium text-amber-900 dark:text-amber-200"
                title={`Expires within ${EXPIRES_SOON_DAYS} days: generate a replacement`}
              >
                Expires soon
              </span>
            )}
            {token.expiryLimit === "workspace_maximum" && (
              <span className="block text-xs text-slate-600 dark:text-slate-400">Workspace maximum lifetime</span>
            )}
          </td>
          <td className="px-4 py-3">{token.lastUsed ? <UtcTime iso={token.lastUsed} /> : "Never"}</td>
          <td className="px-4 py-3 text-right">
            <TokenRowMenu tokenId={token.tokenId} description={token.description} deleteAction={deleteAction} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
