// Requests that Next.js cannot turn into a Request for the app, answered before Next.js sees them:
// - a path with malformed percent-encoding (`/v4/people/%ff`): Next.js fails to decode the route's
//   params, then fails to render its 400 page, and answers 500 in plain text;
// - TRACE and TRACK: the Fetch API's Request refuses them, so Next.js answers 500;
// - other methods Node.js parses (PROPFIND, PURGE, …): Next.js answers 400 with an empty body.
// Each gets the contract's JSON error instead, from the server itself (scripts/serve.mjs), before Next.js.

export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export type Refusal = {
  status: 400 | 405;
  code: "invalid_request" | "method_not_allowed";
  message: string;
  headers: Record<string, string>;
};

/** Why the request cannot be served, or null when Next.js can take it. */
export function refuseRequest(method: string | undefined, url: string | undefined): Refusal | null {
  if (!method || !SERVED_METHODS.includes(method)) {
    return {
      status: 405,
      code: "method_not_allowed",
      message: `The HTTP method ${String(method).slice(0, 20)} is not supported`,
      headers: { Allow: SERVED_METHODS.join(", ") },
    };
  }
  const path = (url ?? "/").split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
  } catch {
    return {
      status: 400,
      code: "invalid_request",
      message: "The URL path is not valid percent-encoded UTF-8",
      headers: {},
    };
  }
  return null;
}
