import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/utc-time";
import { AUDIT_EVENT_LABELS, describeAuditDetails } from "@/lib/audit/describe";
import type { AuditEventView } from "@/lib/data/audit-events";

const METHOD_LABELS: Record<AuditEventView["actor"]["method"], string> = {
  session: "web app",
  password: "password",
  token: "token",
  anonymous: "not signed in",
};

function Who({ id, email }: { id: string | null; email: string | null }) {
  if (id === null) return <span className="text-slate-600 dark:text-slate-400">Anonymous</span>;
  return <span>{email ?? <span className="font-mono text-xs">{id}</span>}</span>;
}

/** Where someone else acted from is for admins only (lib/data/audit-events.ts). */
function NotShown() {
  return <span className="font-sans text-slate-600 dark:text-slate-400">Not shown</span>;
}

/** The audit trail as a table: when, what, who (and how), about whom or which token, from where. */
export function ActivityTable({ events, caption }: { events: AuditEventView[]; caption: string }) {
  return (
    <DataTable caption={caption} columns={["Time", "Event", "Actor", "Target", "Address", "User agent"]}>
      {events.map((event) => {
        const details = describeAuditDetails(event.type, event.details);
        return (
          <tr key={event.id} data-event-type={event.type}>
            <td className="px-4 py-3 whitespace-nowrap">
              <UtcTime iso={event.occurredAt} />
            </td>
            <td className="px-4 py-3">
              <span className="font-medium">{AUDIT_EVENT_LABELS[event.type] ?? event.type}</span>
              {details && <span className="block text-xs text-slate-600 dark:text-slate-400">{details}</span>}
            </td>
            <td className="px-4 py-3">
              <Who id={event.actor.personId} email={event.actor.email} />
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                with {METHOD_LABELS[event.actor.method]}
                {event.actor.tokenId && <span className="font-mono"> {event.actor.tokenId}</span>}
              </span>
            </td>
            <td className="px-4 py-3">
              {event.person && <Who id={event.person.id} email={event.person.email} />}
              {event.tokenId && <span className="block font-mono text-xs">Token {event.tokenId}</span>}
            </td>
            <td className="px-4 py-3 font-mono text-xs">{event.clientAddress ?? <NotShown />}</td>
            <td className="max-w-56 truncate px-4 py-3 text-xs" title={event.userAgent ?? undefined}>
              {event.userAgent ?? <NotShown />}
              {event.userAgent === "" && <span className="text-slate-600 dark:text-slate-400">None</span>}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
