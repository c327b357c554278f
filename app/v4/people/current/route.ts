import type { NextRequest } from "next/server";
import { getCurrentPerson } from "@/lib/data/account";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { json, methodNotAllowed } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = authenticatedRoute(async (request: NextRequest, principal) => {
  // A token's owner was read in the authenticating statement itself, as current as a second read would be.
  return json(principal.via === "token" ? principal.person : await getCurrentPerson(principal));
});

const otherMethods = methodNotAllowed("GET", "Use GET on this path");
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const POST = otherMethods;
export const DELETE = otherMethods;
