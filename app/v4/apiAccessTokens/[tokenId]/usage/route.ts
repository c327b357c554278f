import type { NextRequest } from "next/server";
import { getTokenUsage } from "@/lib/data/token-usage";
import { notFound } from "@/lib/errors";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { isTokenId } from "@/lib/tokens/format";
import { usageQuerySchema } from "@/lib/validations/token-usage";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ tokenId: string }> };

export const GET = authenticatedRoute(async (request: NextRequest, principal, context: Context) => {
  const { tokenId } = await context.params;
  if (!isTokenId(tokenId)) throw notFound("Token");
  const days = request.nextUrl.searchParams.get("days");
  const query = parseInput(usageQuerySchema, days === null ? {} : { days });
  return json(await getTokenUsage(principal, tokenId, query.days));
});

const readOnly = methodNotAllowed("GET", "A token's usage is read-only: use GET on this path");
export const POST = readOnly;
export const PUT = readOnly;
export const PATCH = readOnly;
export const DELETE = readOnly;
