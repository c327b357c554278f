import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { deleteAccessToken, getAccessToken } from "@/lib/data/access-tokens";
import { notFound } from "@/lib/errors";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { json, methodNotAllowed, noContent } from "@/lib/http/respond";
import { isTokenId } from "@/lib/tokens/format";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ tokenId: string }> };

async function tokenIdOf(context: Context): Promise<string> {
  const { tokenId } = await context.params;
  if (!isTokenId(tokenId)) throw notFound("Token");
  return tokenId;
}

export const GET = authenticatedRoute(async (request: NextRequest, principal, context: Context) => {
  return json(await getAccessToken(principal, await tokenIdOf(context)));
});

// Takes effect on the next request, also when the token deletes itself: nothing is cached.
export const DELETE = authenticatedRoute(async (request: NextRequest, principal, context: Context) => {
  await deleteAccessToken(principal, await tokenIdOf(context), auditSource(request.headers, principal));
  return noContent();
});

const immutable = methodNotAllowed("GET, DELETE", "Access tokens cannot be modified or extended; create a new one");
export const PUT = immutable;
export const PATCH = immutable;
export const POST = immutable;
