import Link from "next/link";
import { Sparkline } from "@/components/sparkline";
import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/utc-time";
import type { TokenInfo } from "@/lib/data/token-info";
import { routes } from "@/lib/routes";
import { EXPIRES_SOON_DAYS, expiresSoon } from "@/lib/tokens/expiry";
import type { DeleteTokenAction } from "./delete-token-dialog";
import { accessHints, accessOf } from "./token-access";
import { TokenRowMenu } from "./token-row-menu";
import { TokenStatus } from "./token-status";

type Props = {
  tokens: TokenInfo[];
  /** Each token's accepted uses per day over the last 30 days, oldest first (recentUsage). */
  usage: Record<string, number[]>;
  deleteAction: DeleteTokenAction;
  emptyMessage?: string;
};

/** A person's tokens (never their values), with a Delete Token... menu on each row. */
export function TokenTable({
  tokens,
  usage,
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
      compact
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
          <td className="px-3 py-3 font-mono text-xs whitespace-nowrap">
            <Link href={routes.token(token.tokenId)} className="text-blue-800 hover:underline dark:text-sky-300">
              {token.tokenId}
            </Link>
          </td>
          {/* The column that gives: it takes the room the others leave (at least 7rem), and a description too
              long for it is cut short (w-full with max-w-0 is what lets a table cell shrink below its text). */}
          <td className="w-full max-w-0 min-w-28 px-3 py-3">
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
          <td className="px-3 py-3">
            <TokenStatus status={token.status} />
          </td>
          <td className="px-3 py-3">
            <UtcTime iso={token.createdAt} />
          </td>
          <td className="px-3 py-3">
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
          <td className="px-3 py-3">
            {token.lastUsed ? <UtcTime iso={token.lastUsed} /> : "Never"}
            {/* Under the date, not in a column of its own: the seed's columns already fill a 1280-pixel screen. */}
            <span className="mt-1 block">
              <Sparkline values={usage[token.tokenId] ?? []} />
            </span>
          </td>
          <td className="px-3 py-3 text-right">
            <TokenRowMenu tokenId={token.tokenId} description={token.description} deleteAction={deleteAction} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
