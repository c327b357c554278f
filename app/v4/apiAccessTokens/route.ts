import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { createAccessToken, listAccessTokens } from "@/lib/data/access-tokens";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { readJsonBody } from "@/lib/http/body";
import { parsePage } from "@/lib/http/pagination";
import { json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { createAccessTokenSchema } from "@/lib/validations/access-token";

export const dynamic = "force-dynamic";

export const GET = authenticatedRoute(async (request: NextRequest, principal) => {
  return json(await listAccessTokens(principal, parsePage(request.nextUrl.searchParams)));
});

// Basic email:password is accepted here only: to get a first token, or a new one after the last expired.
export const POST = authenticatedRoute(
  async (request: NextRequest, principal) => {
    const input = parseInput(createAccessTokenSchema, await readJsonBody(request));
    return json(await createAccessToken(principal, input, auditSource(request.headers, principal)), 201);
  },
  { allowBasic: true },
);

const otherMethods = methodNotAllowed("GET, POST", "Use GET or POST on this path");
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
