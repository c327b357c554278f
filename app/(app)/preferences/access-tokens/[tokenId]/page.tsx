import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ActivityTable } from "@/components/activity/activity-table";
import { accessHints, accessLabels, accessOf } from "@/components/token-access";
import { TokenStatus } from "@/components/token-status";
import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/utc-time";
import { activityHref } from "@/lib/audit/activity-query";
import { requireUser } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { getAccessTokenDetail } from "@/lib/data/access-tokens";
import { listAuditEvents } from "@/lib/data/audit-events";
import { getTokenUsage, type TokenUsage } from "@/lib/data/token-usage";
import { AppError } from "@/lib/errors";
import { routes } from "@/lib/routes";
import { deleteTokenAction } from "../actions";
import { DeleteTokenButton } from "./_components/delete-token-button";
import { UsageChart } from "./_components/usage-chart";

export const metadata: Metadata = { title: "Access Token" };

const USAGE_DAYS = 90;
const RECENT_EVENTS = 10;

type Props = { params: Promise<{ tokenId: string }> };

export default async function TokenPage({ params }: Props) {
  const user = await requireUser();
  const { tokenId } = await params;
  // Another person's token (for a member), one of another workspace or none at all: a missing page.
  const token = await getAccessTokenDetail(user, tokenId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const own = token.owner.id === user.userId;
  const [usage, events] = await Promise.all([
    getTokenUsage(user, tokenId, USAGE_DAYS),
    listAuditEvents(user, user.isAdmin ? "workspace" : "own", { tokenId }, { limit: RECENT_EVENTS, offset: 0 }),
  ]);
  const back = own
    ? { href: routes.accessTokens, label: "Access Tokens" }
    : { href: routes.person(token.owner.id), label: token.owner.name };
  const access = accessOf(token.scopes);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href={back.href} className="text-sm text-blue-800 hover:underline dark:text-sky-300">
          ← {back.label}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 className="text-xl font-semibold">
              Token <span className="font-mono">{token.tokenId}</span>
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{token.description || "No description"}</p>
          </div>
          <DeleteTokenButton
            tokenId={token.tokenId}
            description={token.description}
            deleteAction={deleteTokenAction}
            afterDelete={back.href}
          />
        </div>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr] dark:border-slate-700 dark:bg-slate-900">
          <Detail term="Status">
            <TokenStatus status={token.status} />
          </Detail>
          <Detail term="Access">
            <span title={accessHints[access]}>{accessLabels[access]}</span>
          </Detail>
          {!own && (
            <Detail term="Owner">
              {user.isAdmin ? (
                <Link href={routes.person(token.owner.id)} className="text-blue-800 hover:underline dark:text-sky-300">
                  {token.owner.email}
                </Link>
              ) : (
                token.owner.email
              )}
            </Detail>
          )}
          <Detail term="Created">
            <UtcTime iso={token.createdAt} />
          </Detail>
          <Detail term="Expires">
            {token.expiredAt ? <UtcTime iso={token.expiredAt} /> : "Never"}
            {token.expiryLimit === "workspace_maximum" && " (workspace maximum lifetime)"}
          </Detail>
          <Detail term="Last used">{token.lastUsed ? <UtcTime iso={token.lastUsed} /> : "Never"}</Detail>
        </dl>
      </div>

      <UsageSection usage={usage} />
      <ClientsSection usage={usage} />

      <section aria-labelledby="token-activity" className="space-y-3">
        <h3 id="token-activity" className="text-lg font-semibold">
          Activity
        </h3>
        {events.data.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No events about this token.</p>
        ) : (
          <ActivityTable events={events.data} caption={`Audit events of token ${token.tokenId}, newest first`} />
        )}
        {events.count > events.data.length && (
          <Link
            href={activityHref(user.isAdmin ? routes.activity : routes.ownActivity, { tokenId }, 1)}
            className="inline-block text-sm text-blue-800 hover:underline dark:text-sky-300"
          >
            All {events.count} events of this token
          </Link>
        )}
      </section>
    </div>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function usageSummary(usage: TokenUsage): string {
  const { accepted, refused } = usage.totals;
  return `${accepted} accepted and ${refused} refused ${accepted + refused === 1 ? "use" : "uses"} in the last ${usage.days} days (${usage.from} to ${usage.to}, UTC).`;
}

function UsageSection({ usage }: { usage: TokenUsage }) {
  const daysWithUses = usage.daily.filter((day) => day.accepted + day.refused > 0);
  const summary = usageSummary(usage);
  return (
    <section aria-labelledby="token-usage" className="space-y-3">
      <h3 id="token-usage" className="text-lg font-semibold">
        Use over the last {usage.days} days
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">{summary}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
        <UsageChart daily={usage.daily} summary={`Bar chart: ${summary}`} />
      </div>
      {daysWithUses.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-blue-800 dark:text-sky-300">
            The {daysWithUses.length} {daysWithUses.length === 1 ? "day" : "days"} with uses, as a table
          </summary>
          <div className="mt-2">
            <DataTable caption="Uses per day (UTC), oldest first" columns={["Day", "Accepted", "Refused"]}>
              {daysWithUses.map((day) => (
                <tr key={day.day}>
                  <td className="px-4 py-2 whitespace-nowrap">{day.day}</td>
                  <td className="px-4 py-2 tabular-nums">{day.accepted}</td>
                  <td className={cn("px-4 py-2 tabular-nums", day.refused > 0 && "text-red-700 dark:text-red-400")}>
                    {day.refused}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        </details>
      )}
    </section>
  );
}

function ClientsSection({ usage }: { usage: TokenUsage }) {
  return (
    <section aria-labelledby="token-clients" className="space-y-3">
      <h3 id="token-clients" className="text-lg font-semibold">
        Addresses and user agents
      </h3>
      {usage.clients.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This token has not been used yet.</p>
      ) : (
        <DataTable
          caption="Where the token was used from, most recently seen first"
          columns={["Address", "User agent", "First seen", "Last seen", "Uses"]}
        >
          {usage.clients.map((client) => (
            <tr key={`${client.address} ${client.userAgent}`}>
              <td className="px-4 py-3 font-mono text-xs">{client.address}</td>
              <td className="max-w-md px-4 py-3 text-xs break-all">
                {client.userAgent || <span className="text-slate-600 dark:text-slate-400">None</span>}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <UtcTime iso={client.firstSeen} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <UtcTime iso={client.lastSeen} />
              </td>
              <td className="px-4 py-3 tabular-nums">{client.count}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
