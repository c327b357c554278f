import type { NextRequest } from "next/server";
import { assertAdmin } from "@/lib/data/actor";
import { listWorkspaceTokens } from "@/lib/data/token-inventory";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { parsePage } from "@/lib/http/pagination";
import { json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { inventoryFilterInput, tokenInventoryFiltersSchema } from "@/lib/validations/token-inventory";

export const dynamic = "force-dynamic";

// Admins only (the data layer checks), whatever the query: a member gets 403 before any filter is read.
export const GET = authenticatedRoute(async (request: NextRequest, principal) => {
  assertAdmin(principal);
  const params = request.nextUrl.searchParams;
  const filters = parseInput(tokenInventoryFiltersSchema, inventoryFilterInput(params));
  return json(await listWorkspaceTokens(principal, filters, parsePage(params)));
});

const readOnly = methodNotAllowed(
  "GET",
  "Use GET on this path; revoke a token with DELETE /v4/apiAccessTokens/:tokenId",
);
export const POST = readOnly;
export const PUT = readOnly;
export const PATCH = readOnly;
export const DELETE = readOnly;
