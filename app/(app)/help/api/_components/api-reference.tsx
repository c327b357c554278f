"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useSyncExternalStore } from "react";
import type { Theme } from "@/lib/validations/theme";

const darkQuery = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(darkQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** The person's theme, with System resolved by the device's preference as it is now. */
function useDarkMode(theme: Theme): boolean {
  const systemDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(darkQuery).matches,
    () => false,
  );
  return theme === "dark" || (theme === "system" && systemDark);
}

/**
 * Scalar's reference, bundled with the app. Everything that would reach the network is off: its hosted fonts,
 * telemetry, the "try it" client (whose requests would go through Scalar's proxy) and its hosted AI agent.
 */
export function ApiReference({ document, theme }: { document: Record<string, unknown>; theme: Theme }) {
  const dark = useDarkMode(theme);
  return (
    <ApiReferenceReact
      configuration={{
        content: document,
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
        hideTestRequestButton: true,
        hideDarkModeToggle: true,
        forceDarkModeState: dark ? "dark" : "light",
        showDeveloperTools: "never",
        documentDownloadType: "json",
        agent: { disabled: true },
      }}
    />
  );
}
