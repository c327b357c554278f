// The address failures are counted against. Route handlers do not see the socket, so the server
// (scripts/serve.mjs) hands it over in X-Forwarded-For: unless TRUST_PROXY=true it replaces whatever the
// client sent with the socket's address; behind a trusted proxy it leaves the proxy's header alone.
import { env } from "@/lib/env";

export function clientAddress(headers: Headers, trustProxy: boolean = env().TRUST_PROXY): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Behind a trusted proxy (TRUST_PROXY=true) the last entry is the one that proxy added: the real peer.
  // Without one, the header holds the socket address alone (scripts/serve.mjs put it there).
  const address = trustProxy ? forwarded.at(-1) : forwarded.join(",");
  return (address || "unknown").slice(0, 100);
}
