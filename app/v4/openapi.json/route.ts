import { methodNotAllowed } from "@/lib/http/respond";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

// Public and the same for everyone: it may be cached briefly, unlike every other API response.
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

const otherMethods = methodNotAllowed("GET", "Use GET on this path");
export const POST = otherMethods;
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
