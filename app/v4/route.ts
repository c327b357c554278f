import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { endpoints } from "@/lib/http/endpoints";
import { json, methodNotAllowed } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Also served at `/` for requests with an Authorization header (see next.config.js).
export const GET = authenticatedRoute(async () => json({ data: endpoints, count: endpoints.length }));

const otherMethods = methodNotAllowed("GET", "Use GET on this path");
export const POST = otherMethods;
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
