// The address failures are counted against. Route handlers do not see the socket: Next's server puts the
// socket address into x-forwarded-for only when the request has none (`??=`), so the header is the client's
// own word unless a trusted proxy in front replaces or appends to it.
export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Behind a trusted proxy (TRUST_PROXY=true) the last entry is the one that proxy added: the real peer.
  // Without one, the header as received: Next's socket address, or whatever a direct client sent.
  const address = env.TRUST_PROXY === "true" ? forwarded.at(-1) : forwarded.join(",");
  return (address || "unknown").slice(0, 100);
}
