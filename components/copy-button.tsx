"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies text to the clipboard. Where the Clipboard API is missing (plain http on a non-local host),
 * it falls back to selecting the given input and copying the selection.
 */
export function CopyButton({
  text,
  fallbackInputId,
  onCopied,
}: {
  text: string;
  fallbackInputId: string;
  onCopied?: () => void;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(text);
      else copyBySelection(fallbackInputId);
      setStatus("copied");
      onCopied?.();
    } catch {
      setStatus("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy}>
        {status === "copied" ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
        Copy
      </Button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {status === "copied"
          ? "Copied to clipboard"
          : status === "failed"
            ? "Copy failed: select the value and copy it"
            : ""}
      </span>
    </span>
  );
}

function copyBySelection(inputId: string): void {
  const input = document.getElementById(inputId);
  if (!(input instanceof HTMLInputElement)) throw new Error("nothing to copy");
  input.select();
  if (!document.execCommand("copy")) throw new Error("copy refused");
}
