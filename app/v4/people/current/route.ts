import type { NextRequest } from "next/server";
import { authenticate } from "@/lib/auth/authenticate";
import { getCurrentPerson } from "@/lib/data/users";
import { apiRoute, json, methodNotAllowed } from "@/lib/http/respond";

export const GET = apiRoute(async (request: NextRequest) => {
  const principal = await authenticate(request);
  return json(await getCurrentPerson(principal));
});

const otherMethods = methodNotAllowed("GET", "Use GET on this path");
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const POST = otherMethods;
export const DELETE = otherMethods;
