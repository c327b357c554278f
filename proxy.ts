import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "@/lib/actions/action-request";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

// Runs for every request to a page path. Server actions are POSTs to page paths: one that is not same-origin, or
// not shaped as our pages call actions, is refused before Next.js handles it (lib/actions/action-request.ts).
// Next.js's own check lets a request without Origin through and answers a foreign one with a 500.
// Each page also gets its own CSP nonce, which Next.js reads from the request's CSP header while rendering.
// The other security headers, and the API's CSP, are static and come from next.config.js.
export async function proxy(request: NextRequest): Promise<Response> {
  const refusal = await refuseActionRequest(request);
  if (refusal) return refusal;
  const csp = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: not the REST API, next-auth, the health check or static files, which render no HTML. "/" with
  // an Authorization header is the API too (next.config.js rewrites it to the endpoint list). No other
  // condition on headers: one the client controls (such as the prefetch headers) would let an action call
  // dressed that way skip the checks.
  matcher: [
    { source: "/", missing: [{ type: "header", key: "authorization" }] },
    "/((?!v4(?:/|$)|api/|healthz$|_next/static|_next/image|icon\\.svg$|favicon\\.ico$).+)",
  ],
};
