// Calls a server action as the browser does: a POST to a page that uses it, the action's id in the
// Next-Action header and its arguments as a JSON array. Ids come from the build's server reference manifest.
import { readFileSync } from "node:fs";
import path from "node:path";
import { baseUrl, type Session } from "./client";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

let manifest: Manifest | undefined;

export function serverActionId(exportedName: string): string {
  const distDir = path.resolve(import.meta.dirname, "../../..", process.env.NEXT_DIST_DIR ?? ".next");
  manifest ??= JSON.parse(
    readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const ids = Object.entries(manifest.node).filter(([, action]) => action.exportedName === exportedName);
  if (ids.length !== 1) throw new Error(`expected one server action named ${exportedName}, found ${ids.length}`);
  return ids[0][0];
}

/** The raw response; a redirect (requireUser, requireAdminUser) shows as the x-action-redirect header. */
export async function callServerAction(
  page: string,
  exportedName: string,
  args: unknown[],
  session: Session,
): Promise<Response> {
  const response = await fetch(`${baseUrl()}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": serverActionId(exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Cookie: session.cookie,
      Origin: baseUrl(),
    },
    body: JSON.stringify(args),
  });
  await response.arrayBuffer();
  return response;
}
