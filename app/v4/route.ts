import type { NextRequest } from "next/server";
import { authenticate } from "@/lib/auth/authenticate";
import { endpoints } from "@/lib/http/endpoints";
import { apiRoute, json } from "@/lib/http/respond";

// Also served at `/` for requests with an Authorization header (see next.config.js).
export const GET = apiRoute(async (request: NextRequest) => {
  await authenticate(request);
  return json({ data: endpoints, count: endpoints.length });
});
