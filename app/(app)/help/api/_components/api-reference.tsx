"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/**
 * Scalar's reference, bundled with the app. Everything that would reach the network is off: its hosted fonts,
 * telemetry, the "try it" client (whose requests would go through Scalar's proxy) and its hosted AI agent.
 */
export function ApiReference({ document }: { document: Record<string, unknown> }) {
  return (
    <ApiReferenceReact
      configuration={{
        content: document,
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
        hideTestRequestButton: true,
        hideDarkModeToggle: true,
        forceDarkModeState: "light",
        showDeveloperTools: "never",
        documentDownloadType: "json",
        agent: { disabled: true },
      }}
    />
  );
}
