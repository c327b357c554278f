// Calls the app's server actions over HTTP exactly as React's client does (fetchServerAction in
// next/dist/client/components/router-reducer/reducers/server-action-reducer.js): a POST to a page that uses the
// action, with the action's id in Next-Action and the arguments as the JSON text React's encodeReply makes of
// plain values. The actions are found in the build's manifest, so a new action is called without being named.
import { readFileSync } from "node:fs";
import path from "node:path";
import { baseUrl } from "./client";

export type ServerAction = {
  id: string;
  /** The exported name, e.g. deleteTokenAction. */
  name: string;
  /** The "use server" file, e.g. app/(app)/preferences/access-tokens/actions.ts. */
  file: string;
  /** URL paths of the pages that use the action, with dynamic segments as written: /admin/people/[id]. */
  pages: string[];
};

type Manifest = {
  node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
};

/** Every server action of the build the API tests run against (NEXT_DIST_DIR, as the test server uses it). */
export function serverActions(): ServerAction[] {
  const root = path.resolve(import.meta.dirname, "../../..");
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    pages: Object.keys(entry.workers).map(pagePath),
  }));
}

/** "app/(app)/admin/people/[id]/page" → "/admin/people/[id]" (route groups are not part of the URL). */
function pagePath(worker: string): string {
  const segments = worker.split("/").slice(1, -1);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
}

export type ActionCall = {
  /** The session cookie; none for a signed-out call. */
  cookie?: string;
  /** Headers sent on top of React's (an Origin header, or its absence, is the caller's to choose). */
  headers?: Record<string, string>;
  /** Values for the page's dynamic segments, e.g. { id: "<person id>" }. */
  params?: Record<string, string>;
  /** Where to post instead of a page that uses the action (Next.js forwards it there). */
  page?: string;
};

export type ActionResponse = {
  status: number;
  headers: Headers;
  text: string;
  /** The action's return value, when the response carries one. */
  result?: unknown;
  /** Where the action redirected the browser (x-action-redirect), if it did. */
  redirect?: string;
};

/** One call of a server action; `args` is the argument list, or a raw body sent as it is. */
export async function callAction(
  action: ServerAction,
  args: unknown[] | string,
  call: ActionCall = {},
): Promise<ActionResponse> {
  let page = call.page ?? action.pages[0];
  for (const [name, value] of Object.entries(call.params ?? {})) page = page.replace(`[${name}]`, value);
  const headers: Record<string, string> = {
    Accept: "text/x-component",
    "Next-Action": action.id,
    "Content-Type": "text/plain;charset=UTF-8",
    ...(call.cookie ? { Cookie: call.cookie } : {}),
    ...call.headers,
  };
  const body = typeof args === "string" ? args : JSON.stringify(args);
  const response = await fetch(`${baseUrl()}${page}`, { method: "POST", headers, body, redirect: "manual" });
  const text = await response.text();
  const answer: ActionResponse = { status: response.status, headers: response.headers, text };
  const redirect = response.headers.get("x-action-redirect");
  if (redirect) answer.redirect = redirect.split(";")[0];
  if (/^text\/x-component/.test(response.headers.get("content-type") ?? "")) {
    const rows = flightRows(Buffer.from(text, "utf8"));
    const root = rows.get("0") as { a?: unknown } | undefined;
    if (root && "a" in root) answer.result = decode(root.a, rows);
  }
  return answer;
}

/**
 * The rows of a React Flight response, by id: "<hex id>:<JSON>\n", or a tagged row ("I", "HL", "E"…), where
 * a "T" row is "<hex id>:T<hex byte length>,<text>" with no newline after it.
 */
function flightRows(body: Buffer): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(":", at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString();
    if (body[colon + 1] === "T".charCodeAt(0)) {
      const comma = body.indexOf(",", colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, body.subarray(comma + 1, comma + 1 + length).toString());
      at = comma + 1 + length;
      continue;
    }
    const end = body.indexOf("\n", colon);
    const line = body.subarray(colon + 1, end < 0 ? body.length : end).toString();
    // Tagged rows (client references, hints, errors) are not values; an error row is kept as its tag.
    rows.set(id, /^[A-Z]/.test(line) ? { $row: line } : JSON.parse(line));
    at = end < 0 ? body.length : end + 1;
  }
  return rows;
}

/** A Flight value as plain data: "$@1" and "$1" are other rows, "$undefined" and "$$…" are what they say. */
function decode(value: unknown, rows: Map<string, unknown>): unknown {
  if (typeof value === "string" && value.startsWith("$")) {
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) return decode(rows.get(ref[1]), rows);
    throw new Error(`A Flight value this harness does not decode: ${value}`);
  }
  if (Array.isArray(value)) return value.map((item) => decode(item, rows));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decode(inner, rows)]));
  }
  return value;
}
