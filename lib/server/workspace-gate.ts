import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { env } from "@/lib/env";
import { errorAnswer, jsonAnswer, type Answer } from "@/lib/http/answer";
import securityHeaders from "@/lib/http/security-headers.json";
import { workspaceIdNamed } from "@/lib/workspaces/directory";
import { DEFAULT_WORKSPACE, workspaceNameOfHost } from "@/lib/workspaces/names";

/** The workspace of a request, or the answer for a host that names none (or a database that cannot say). */
export type WorkspaceGate = { workspaceId: string } | { answer: Answer };

const NOT_FOUND = { code: "workspace_not_found", message: "There is no workspace at this address" };
const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>Not found</h1><p>There is no workspace at this address.</p></body></html>`;

/**
 * Run by the server (scripts/serve.mjs) for every request but the health check, before anything else reads it:
 * the host name decides the workspace (lib/workspaces/names.ts), and nothing inside the request can. The host is
 * X-Forwarded-Host when it is there (the server keeps it, as one host, only with TRUST_PROXY=true), else Host;
 * except for GET /v4/auth/verify: a proxy's token check names the protected API's host there, and
 * Tessera's own in Host. An unknown name is a 404 that says nothing more, as JSON for the API and a plain page
 * for browsers.
 */
export async function workspaceOfRequest(path: string, headers: IncomingHttpHeaders): Promise<WorkspaceGate> {
  const domain = env().WORKSPACE_DOMAIN;
  if (!domain) return { workspaceId: DEFAULT_WORKSPACE.id };
  const forwarded = path === "/v4/auth/verify" ? undefined : headers["x-forwarded-host"];
  const name = workspaceNameOfHost(typeof forwarded === "string" ? forwarded : (headers.host ?? null), domain);
  try {
    const workspaceId = name === null ? null : await workspaceIdNamed(name);
    if (workspaceId !== null) return { workspaceId };
  } catch (error) {
    return { answer: errorAnswer(error) };
  }
  return { answer: wantsJson(path, headers) ? jsonAnswer({ error: NOT_FOUND }, 404) : notFoundPage() };
}

function wantsJson(path: string, headers: IncomingHttpHeaders): boolean {
  if (path === "/v4" || path.startsWith("/v4/") || path.startsWith("/api/")) return true;
  if (path === "/" && headers.authorization !== undefined) return true;
  return !(headers.accept ?? "").includes("text/html");
}

function notFoundPage(): Answer {
  const headers = {
    ...securityHeaders.everyResponse,
    ...securityHeaders.noContent,
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
  };
  return { status: 404, headers, body: NOT_FOUND_PAGE };
}
