// The proxy configurations the tests run are the very ones docs/proxies.md gives people to copy: each test
// takes the documented block and only swaps the example addresses for the test's own.
import { readFileSync } from "node:fs";
import path from "node:path";

const DOC = path.resolve(import.meta.dirname, "../../../docs/proxies.md");

/** The one fenced block of this language in docs/proxies.md. */
export function documentedConfig(language: "nginx" | "caddyfile"): string {
  const blocks = [...readFileSync(DOC, "utf8").matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)]
    .filter(([, lang]) => lang === language)
    .map(([, , body]) => body);
  if (blocks.length !== 1) throw new Error(`docs/proxies.md must hold exactly one ${language} block`);
  return blocks[0];
}

/**
 * The line docs/proxies.md says to add to the check with several workspaces (it names the workspace's host in
 * Host), with the test's workspace host in place of the example's.
 */
export function documentedWorkspaceLine(language: "nginx" | "caddyfile", host: string): string {
  const example = "acme.tessera.example.com";
  const line = language === "nginx" ? `proxy_set_header Host ${example};` : `header_up Host ${example}`;
  if (!readFileSync(DOC, "utf8").includes(`\`${line}\``)) {
    throw new Error(`docs/proxies.md no longer says to add \`${line}\``);
  }
  return line.replace(example, host);
}

export type Addresses = { tesseraPort: number; upstreamPort: number; proxyPort: number };

/** Replaces the documented example addresses: Tessera 127.0.0.1:3000, the API 127.0.0.1:8080. */
export function withAddresses(config: string, { tesseraPort, upstreamPort }: Addresses): string {
  for (const needed of ["127.0.0.1:3000", "127.0.0.1:8080"]) {
    if (!config.includes(needed)) throw new Error(`the documented configuration no longer names ${needed}`);
  }
  return config
    .replaceAll("127.0.0.1:3000", `127.0.0.1:${tesseraPort}`)
    .replaceAll("127.0.0.1:8080", `127.0.0.1:${upstreamPort}`);
}
