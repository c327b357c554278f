import type { NextRequest } from "next/server";
import { parseAuditFilters } from "@/lib/audit/filters";
import { listAuditEvents } from "@/lib/data/audit-events";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { parsePage } from "@/lib/http/pagination";
import { json, methodNotAllowed } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// The contract: admins read the workspace's audit trail, anyone else the events about themselves.
export const GET = authenticatedRoute(async (request: NextRequest, principal) => {
  const params = request.nextUrl.searchParams;
  const scope = principal.isAdmin ? "workspace" : "own";
  return json(await listAuditEvents(principal, scope, parseAuditFilters(params), parsePage(params)));
});

const readOnly = methodNotAllowed("GET", "The audit trail is read-only: use GET on this path");
export const POST = readOnly;
export const PUT = readOnly;
export const PATCH = readOnly;
export const DELETE = readOnly;
