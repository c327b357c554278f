// Every POST to a page path is a server action call; proxy.ts runs this before Next.js and React see it. A call
// from our own pages is always a same-origin fetch with a Next-Action header and React's encoding of plain
// values (strings, booleans, numbers, null, arrays and plain objects): a JSON array in a text/plain body.
// Anything else is refused here, before React's decoder parses it, since no action of ours takes it: a form
// post naming an action, a multipart body (files, Maps, streams…), or a "$…" string that React would read as a
// reference to another part (a user's "$" is sent escaped as "$$"). Malformed bodies would otherwise be 500s.
import { isCrossOriginChange } from "@/lib/auth/same-origin";
import { errorResponse } from "@/lib/http/respond";

/** Deeper than any form of ours: refused without walking further. */
const MAX_DEPTH = 8;

/** Why this request to a page path cannot be a server action call from our own pages; null when it can. */
export async function refuseActionRequest(request: Request): Promise<Response | null> {
  if (isCrossOriginChange(request)) {
    return errorResponse(403, "forbidden", "Changes must come from Tessera's own pages");
  }
  if (request.method !== "POST") return null;
  if (!request.headers.has("next-action")) {
    return errorResponse(400, "invalid_request", "A POST to a page must be a server action call");
  }
  if (!/^text\/plain\b/i.test(request.headers.get("content-type") ?? "")) {
    return errorResponse(415, "unsupported_media_type", "Server action arguments are sent as text/plain JSON");
  }
  if (!isPlainArgumentList(await request.text())) {
    return errorResponse(400, "invalid_request", "Server action arguments must be a JSON array of plain values");
  }
  return null;
}

function isPlainArgumentList(body: string): boolean {
  let args: unknown;
  try {
    args = JSON.parse(body);
  } catch {
    return false;
  }
  if (!Array.isArray(args)) return false;
  const pending: [unknown, number][] = [[args, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value === "string" && value.startsWith("$") && !value.startsWith("$$") && value !== "$undefined") {
      return false;
    }
    if (value !== null && typeof value === "object") {
      if (depth >= MAX_DEPTH) return false;
      for (const inner of Object.values(value)) pending.push([inner, depth + 1]);
    }
  }
  return true;
}
