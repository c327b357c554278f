// Cookie-authenticated state changes must come from Tessera's own pages (the contract; CSRF defence on top of
// SameSite=Lax cookies). proxy.ts applies this to every request to a page path, which is where server actions
// are posted; the request authenticator applies it to API calls made with the session cookie.
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === "same-origin";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A request that may change something (any method but GET and HEAD) and that is not same-origin. */
export function isCrossOriginChange(request: { method: string; headers: Headers }): boolean {
  return request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request.headers);
}
