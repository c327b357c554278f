// Cookie-authenticated state changes must come from Tessera's own pages (the contract; CSRF defence on top
// of SameSite=Lax cookies). Server actions get this check from Next.js; route handlers call this.
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
