import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

// Gives each page its own CSP nonce. Next.js reads the nonce from the request's CSP header while rendering.
// The other security headers, and the API's CSP, are static and come from next.config.js.
export function proxy(request: NextRequest): NextResponse {
  const csp = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the REST API, next-auth, the health check or static files, which render no HTML.
      source: "/((?!v4(?:/|$)|api/|healthz$|_next/static|_next/image|icon\\.svg$|favicon\\.ico$).*)",
      // next/link prefetches carry no document to protect.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
