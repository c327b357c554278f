"use client";

import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { accessLabels, accessOf } from "@/components/token-access";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { TokenInfo } from "@/lib/data/token-info";

type Props = {
  tokenValue: string;
  tokenInfo: TokenInfo;
  onDone: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

/** E.g. "Token 0123456789abcdef: Read only, expires 2026-12-14." (announced when the dialog opens). */
function summary({ tokenId, scopes, expiredAt }: TokenInfo): string {
  const expiry = expiredAt ? `expires ${expiredAt.slice(0, 10)}` : "never expires";
  return `Token ${tokenId}: ${accessLabels[accessOf(scopes)]}, ${expiry}.`;
}

/**
 * Shows a new token's value, once. Closing before copying asks first, because the value cannot be
 * retrieved again; Escape and clicks outside lead to that question instead of closing.
 */
export function TokenCreatedDialog({ tokenValue, tokenInfo, onDone, onCloseAutoFocus }: Props) {
  const [copied, setCopied] = useState(false);
  const [askingToClose, setAskingToClose] = useState(false);

  function requestClose() {
    if (copied) onDone();
    else setAskingToClose(true);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && requestClose()}>
      <DialogContent
        title="Your new access token"
        onCloseAutoFocus={onCloseAutoFocus}
        description={summary(tokenInfo)}
        onEscapeKeyDown={(event) => {
          event.preventDefault();
          requestClose();
        }}
        onPointerDownOutside={(event) => {
          event.preventDefault();
          requestClose();
        }}
      >
        <div className="space-y-4">
          <div className="space-y-1">
            <label htmlFor="token-value" className="block text-sm font-medium">
              Token value
            </label>
            <input
              id="token-value"
              readOnly
              value={tokenValue}
              onFocus={(event) => event.currentTarget.select()}
              className="block w-full rounded-md border border-slate-300 dark:border-slate-600 bg-slate-50 dark:bg-slate-800 px-3 py-2 font-mono text-xs"
            />
          </div>
          <CopyButton text={tokenValue} fallbackInputId="token-value" onCopied={() => setCopied(true)} />
          <p className="flex gap-2 rounded-md border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 p-3 text-sm text-amber-900 dark:text-amber-200">
            <TriangleAlert aria-hidden className="size-5 shrink-0" />
            Copy this token now and store it somewhere safe. For security reasons it cannot be shown again.
          </p>
          {askingToClose ? (
            <div
              role="alert"
              className="space-y-3 rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 p-3 text-sm text-red-900 dark:text-red-200"
            >
              <p>You have not copied the token. Once this dialog is closed, the value is gone for good.</p>
              <div className="flex flex-wrap justify-end gap-3">
                <Button variant="secondary" onClick={() => setAskingToClose(false)}>
                  Go back
                </Button>
                <Button variant="danger" onClick={onDone}>
                  Close without copying
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex justify-end">
              <Button onClick={requestClose}>Done</Button>
            </div>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
