import type { Metadata } from "next";
import { buttonClasses } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { requireAdminUser } from "@/lib/auth/session";
import { listPeople } from "@/lib/data/people";
import { listWorkspaceTokens } from "@/lib/data/token-inventory";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/http/pagination";
import { routes } from "@/lib/routes";
import { inventoryHref, inventoryQuery } from "@/lib/validations/token-inventory";
import { InventoryTable } from "./_components/inventory-table";
import { TokenFilters } from "./_components/token-filters";
import { revokeTokensAction } from "./actions";

export const metadata: Metadata = { title: "Tokens" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TokensPage({ searchParams }: Props) {
  const admin = await requireAdminUser();
  const query = inventoryQuery(await searchParams);
  const [tokens, people] = await Promise.all([
    listWorkspaceTokens(admin, query.filters, { limit: DEFAULT_LIMIT, offset: (query.page - 1) * DEFAULT_LIMIT }),
    listPeople(admin, { limit: MAX_LIMIT, offset: 0 }),
  ]);
  const pageCount = Math.max(1, Math.ceil(tokens.count / DEFAULT_LIMIT));
  // The export takes the filters that were applied: none when they could not be.
  const exportHref = inventoryHref(routes.tokensExport, query.problem ? {} : query.values);

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-semibold">Tokens</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Every access token in the workspace: whose it is, whether it works, when it was last used and how much.
            Revoke the ones nobody needs; each revocation is recorded in Activity.
          </p>
        </div>
        {/* A plain link: the browser downloads the file (Content-Disposition: attachment). */}
        <a href={exportHref} className={buttonClasses("secondary")}>
          Export CSV
        </a>
      </div>
      <TokenFilters
        path={routes.tokens}
        values={query.values}
        people={people.data.map(({ id, email }) => ({ id, email }))}
      />
      {query.problem && (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          Filters not applied: {query.problem}
        </p>
      )}
      {tokens.data.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400">
          No tokens match.
        </p>
      ) : (
        // Keyed by the page's filters, so that a selection never carries over to another list.
        <InventoryTable
          key={inventoryHref("", query.values, query.page)}
          tokens={tokens.data}
          revokeAction={revokeTokensAction}
        />
      )}
      <Pager
        page={query.page}
        pageCount={pageCount}
        total={tokens.count}
        noun="tokens"
        hrefFor={(n) => inventoryHref(routes.tokens, query.values, n)}
      />
    </div>
  );
}
