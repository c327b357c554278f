import { env } from "@/lib/env";
import { DEFAULT_WORKSPACE } from "./names";

/**
 * The request header that names the request's workspace, by id. The server (scripts/serve.mjs) sets it on every
 * request from the host name (lib/server/workspace-gate.ts), after deleting whatever the client sent under that
 * name, so everything after it trusts it.
 */
export const WORKSPACE_HEADER = "x-tessera-workspace";

/**
 * The id of the workspace the request is for. Without WORKSPACE_DOMAIN there is one, whatever the headers say.
 * With it, a request that did not pass the server's gate is a bug, never a reason to guess.
 */
export function workspaceIdOf(headers: Headers): string {
  if (!env().WORKSPACE_DOMAIN) return DEFAULT_WORKSPACE.id;
  const id = headers.get(WORKSPACE_HEADER);
  if (!id) throw new Error("The request has no workspace: it did not come through the server's workspace gate");
  return id;
}
