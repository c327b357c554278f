import type { NextRequest } from "next/server";
import { authenticate } from "@/lib/auth/authenticate";
import { endpoints } from "@/lib/http/endpoints";
import { apiRoute, json, methodNotAllowed } from "@/lib/http/respond";

// Also served at `/` for requests with an Authorization header (see next.config.js).
export const GET = apiRoute(async (request: NextRequest) => {
  await authenticate(request);
  return json({ data: endpoints, count: endpoints.length });
});

const otherMethods = methodNotAllowed("GET", "Use GET on this path");
export const POST = otherMethods;
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
