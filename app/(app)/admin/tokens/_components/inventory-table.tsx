"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { TokenStatus } from "@/components/token-status";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/utc-time";
import type { ActionResult } from "@/lib/actions/action-result";
import type { InventoryToken } from "@/lib/data/token-inventory";
import { routes } from "@/lib/routes";

type Props = {
  tokens: InventoryToken[];
  revokeAction: (tokenIds: string[]) => Promise<ActionResult<{ revoked: number }>>;
};

const plural = (n: number) => `${n} ${n === 1 ? "token" : "tokens"}`;

/** A page of the workspace's tokens, with a checkbox on each row and Revoke selected above them. */
export function InventoryTable({ tokens, revokeAction }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Only the rows still on the page count (a revalidated page may have lost some).
  const chosen = tokens.filter((token) => selected.has(token.tokenId)).map((token) => token.tokenId);
  const allChosen = tokens.length > 0 && chosen.length === tokens.length;

  function toggle(tokenId: string, on: boolean) {
    setDone(null);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(tokenId);
      else next.delete(tokenId);
      return next;
    });
  }

  function confirmRevoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeAction(chosen);
      if (!result.ok) {
        setError(result.message ?? "The tokens could not be revoked.");
        return;
      }
      setConfirming(false);
      setSelected(new Set());
      setDone(`Revoked ${plural(result.data.revoked)}.`);
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="danger" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
          Revoke selected{chosen.length > 0 ? ` (${chosen.length})` : ""}
        </Button>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {done}
        </p>
      </div>
      <DataTable
        caption="The workspace's access tokens"
        compact
        columns={[
          { label: "Select", hidden: true },
          "Token ID",
          "Description",
          "Owner",
          "Status",
          "Created",
          "Expires",
          "Last Used",
          "30-Day Uses",
        ]}
      >
        <tr className="bg-slate-50 dark:bg-slate-800">
          <td className="px-3 py-2">
            <input
              type="checkbox"
              id="select-all-tokens"
              checked={allChosen}
              onChange={(event) => {
                setDone(null);
                setSelected(new Set(event.target.checked ? tokens.map((token) => token.tokenId) : []));
              }}
            />
          </td>
          <td colSpan={8} className="px-3 py-2 text-xs text-slate-600 dark:text-slate-400">
            <label htmlFor="select-all-tokens">Select all {plural(tokens.length)} on this page</label>
          </td>
        </tr>
        {tokens.map((token) => (
          <tr key={token.tokenId}>
            <td className="px-3 py-3">
              <input
                type="checkbox"
                aria-label={`Select token ${token.tokenId}`}
                checked={selected.has(token.tokenId)}
                onChange={(event) => toggle(token.tokenId, event.target.checked)}
              />
            </td>
            <td className="px-3 py-3 font-mono text-xs">
              <Link href={routes.token(token.tokenId)} className="text-blue-800 hover:underline dark:text-sky-300">
                {token.tokenId}
              </Link>
            </td>
            {/* Takes the room the other columns leave, cut short beyond it (as in the Access Tokens list). */}
            <td className="w-full max-w-0 min-w-28 truncate px-3 py-3" title={token.description}>
              {token.description || <span className="text-slate-400 dark:text-slate-500">—</span>}
            </td>
            <td className="max-w-48 truncate px-3 py-3" title={token.owner.email}>
              <Link href={routes.person(token.owner.id)} className="text-blue-800 hover:underline dark:text-sky-300">
                {token.owner.email}
              </Link>
            </td>
            <td className="px-3 py-3">
              <TokenStatus status={token.status} />
            </td>
            <td className="px-3 py-3 whitespace-nowrap">
              <UtcTime iso={token.createdAt} day />
            </td>
            <td className="px-3 py-3 whitespace-nowrap">
              {token.expiredAt ? <UtcTime iso={token.expiredAt} day /> : "Never"}
            </td>
            <td className="px-3 py-3 whitespace-nowrap">
              {token.lastUsed ? <UtcTime iso={token.lastUsed} day /> : "Never"}
            </td>
            <td className="px-3 py-3 tabular-nums">{token.uses30d}</td>
          </tr>
        ))}
      </DataTable>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) setError(null);
        }}
        title={`Revoke ${plural(chosen.length)}?`}
        description={`The ${plural(chosen.length)} you selected stop working immediately for every script that uses them, and are deleted. This cannot be undone.`}
        confirmLabel={`Revoke ${plural(chosen.length)}`}
        pendingLabel="Revoking…"
        pending={pending}
        error={error}
        onConfirm={confirmRevoke}
      />
    </div>
  );
}
