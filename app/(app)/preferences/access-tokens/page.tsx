import type { Metadata } from "next";
import { TokenTable } from "@/components/token-table";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { getGeneratePermission, listAccessTokens } from "@/lib/data/access-tokens";
import { recentUsage } from "@/lib/data/token-usage";
import { DEFAULT_LIMIT, pageNumber } from "@/lib/http/pagination";
import { routes } from "@/lib/routes";
import { GenerateTokenButton } from "./_components/generate-token-button";
import { deleteTokenAction } from "./actions";

export const metadata: Metadata = { title: "Access Tokens" };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function AccessTokensPage({ searchParams }: Props) {
  const user = await requireUser();
  const page = pageNumber((await searchParams).page);
  const [permission, tokens] = await Promise.all([
    getGeneratePermission(user),
    listAccessTokens(user, { limit: DEFAULT_LIMIT, offset: (page - 1) * DEFAULT_LIMIT }),
  ]);
  const usage = await recentUsage(tokens.data.map((token) => token.tokenId));
  const pageCount = Math.max(1, Math.ceil(tokens.count / DEFAULT_LIMIT));

  return (
    <section aria-labelledby="access-tokens-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl">
          <h2 id="access-tokens-heading" className="text-xl font-semibold">
            Access Tokens
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Scripts authenticate to the REST API with{" "}
            <code className="rounded bg-slate-200 px-1 dark:bg-slate-800 dark:text-slate-200">
              Authorization: Bearer &lt;token&gt;
            </code>
            . A token acts as you; it cannot be modified or extended, and its value is shown only once.
          </p>
        </div>
        <GenerateTokenButton allowed={permission.allowed} maxLifetimeDays={permission.maxLifetimeDays} />
      </div>
      {!permission.allowed && (
        <p
          id="generate-denied-reason"
          role="note"
          className="rounded-md border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-4 py-3 text-sm text-amber-900 dark:text-amber-200"
        >
          You cannot generate access tokens. {permission.reason}
        </p>
      )}
      <TokenTable tokens={tokens.data} usage={Object.fromEntries(usage)} deleteAction={deleteTokenAction} />
      {pageCount > 1 && (
        <Pager
          page={page}
          pageCount={pageCount}
          total={tokens.count}
          noun="tokens"
          hrefFor={(n) => `${routes.accessTokens}?page=${n}`}
        />
      )}
    </section>
  );
}
