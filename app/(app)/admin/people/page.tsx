import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { UtcTime } from "@/components/utc-time";
import { requireAdminUser } from "@/lib/auth/session";
import { accountsUnderAttack } from "@/lib/data/audit-throttle";
import { listPeople } from "@/lib/data/people";
import { MAX_LIMIT, pageNumber } from "@/lib/http/pagination";
import { routes } from "@/lib/routes";
import { AddPersonButton } from "./_components/add-person-button";
import { PersonRowMenu } from "./_components/person-row-menu";
import { UnderAttackBadge } from "./_components/under-attack-badge";

export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function PeoplePage({ searchParams }: Props) {
  const admin = await requireAdminUser();
  const page = pageNumber((await searchParams).page);
  const people = await listPeople(admin, { limit: MAX_LIMIT, offset: (page - 1) * MAX_LIMIT });
  const underAttack = await accountsUnderAttack(
    admin,
    people.data.map((person) => person.id),
  );
  const pageCount = Math.max(1, Math.ceil(people.count / MAX_LIMIT));

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">People</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Everyone in the workspace. Give a person individual access to generate and use API access tokens, or allow
            all users under Workspace Settings.
          </p>
        </div>
        <AddPersonButton />
      </div>
      <DataTable
        caption="People in the workspace, newest first"
        columns={[
          "Person",
          "Role",
          "Status",
          "Individual token access",
          "Tokens",
          "Last sign-in",
          { label: "Actions", hidden: true },
        ]}
      >
        {people.data.map((person) => (
          <tr key={person.id}>
            <td className="px-4 py-3">
              <Link
                href={routes.person(person.id)}
                className="font-medium text-blue-800 dark:text-blue-300 hover:underline"
              >
                {person.name}
              </Link>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{person.email}</span>
            </td>
            <td className="px-4 py-3">{person.isAdmin ? "Admin" : "Member"}</td>
            <td className="px-4 py-3">
              {person.isDisabled ? "Disabled" : "Active"}
              <UnderAttackBadge personId={person.id} blockedAt={underAttack.get(person.id)} />
            </td>
            <td className="px-4 py-3">{person.canGenerateApiAccessTokens ? "Yes" : "No"}</td>
            <td className="px-4 py-3">{person.apiAccessTokenCount}</td>
            <td className="px-4 py-3 whitespace-nowrap">
              {person.lastLoginTime ? <UtcTime iso={person.lastLoginTime} /> : "Never"}
            </td>
            <td className="px-4 py-3 text-right">
              <PersonRowMenu person={person} isSelf={person.id === admin.userId} />
            </td>
          </tr>
        ))}
      </DataTable>
      {pageCount > 1 && (
        <Pager
          page={page}
          pageCount={pageCount}
          total={people.count}
          noun="people"
          hrefFor={(n) => `${routes.people}?page=${n}`}
        />
      )}
    </div>
  );
}
