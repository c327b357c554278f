"use client";

import { KeyRound } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CreatedToken } from "@/lib/data/token-info";
import { GenerateTokenDialog } from "./generate-token-dialog";
import { TokenCreatedDialog } from "./token-created-dialog";

/** Generate New Token: the form dialog, then the copy-once dialog. The value lives only in this state. */
export function GenerateTokenButton({ allowed, maxLifetimeDays }: { allowed: boolean; maxLifetimeDays: number }) {
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // The dialogs open from state, not from a Radix trigger, so Radix would leave focus on the page body.
  function returnFocus(event: Event) {
    event.preventDefault();
    buttonRef.current?.focus();
  }

  return (
    <>
      <Button
        ref={buttonRef}
        onClick={() => setFormOpen(true)}
        disabled={!allowed}
        aria-describedby={allowed ? undefined : "generate-denied-reason"}
      >
        <KeyRound aria-hidden className="size-4" />
        Generate New Token
      </Button>
      <GenerateTokenDialog
        open={formOpen}
        onOpenChange={setFormOpen}
        maxLifetimeDays={maxLifetimeDays}
        onCloseAutoFocus={returnFocus}
        onCreated={(result) => {
          setFormOpen(false);
          setCreated(result);
        }}
      />
      {created && (
        <TokenCreatedDialog
          tokenValue={created.tokenValue}
          tokenInfo={created.tokenInfo}
          onDone={() => setCreated(null)}
          onCloseAutoFocus={returnFocus}
        />
      )}
    </>
  );
}
