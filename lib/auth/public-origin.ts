/**
 * The origin next-auth gives this request (its callback URLs, redirects and cookie names), decided as next-auth's
 * detectOrigin does: NEXTAUTH_URL when the server has one; with several workspaces it has none, and the origin is
 * the request's own host (checked by the workspace gate) in the scheme scripts/serve.mjs set.
 */
export function publicOriginOf(headers: Headers): string {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  return `${headers.get("x-forwarded-proto") === "http" ? "http" : "https"}://${host}`;
}
