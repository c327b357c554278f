import type { NextRequest } from "next/server";
import { verifyToken } from "@/lib/forward-auth/verify";

export const dynamic = "force-dynamic";

// Any method answers the same way: nginx's auth_request keeps the client's method for its subrequest.
async function handler(request: NextRequest): Promise<Response> {
  const { status, headers, body } = await verifyToken(request.headers);
  return new Response(body, { status, headers });
}

export { handler as GET, handler as HEAD, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
export { handler as OPTIONS };
