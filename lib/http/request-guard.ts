// Requests that Next.js cannot turn into a Request for the app, answered before Next.js sees them:
// - a path with malformed percent-encoding (`/v4/people/%ff`): Next.js fails to decode the route's
//   params, then fails to render its 400 page, and answers 500 in plain text;
// - TRACE and TRACK: the Fetch API's Request refuses them, so Next.js answers 500;
// - other methods Node.js parses (PROPFIND, PURGE, …): Next.js answers 400 with an empty body.
// Each gets the contract's JSON error instead. Installed once by instrumentation.ts.
import http, { type IncomingMessage, type ServerResponse } from "node:http";

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

function send(response: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  response.writeHead(refusal.status, {
    ...refusal.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(body);
}

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const guarded = Symbol.for("tessera.requestGuard");

/** Answers refused requests on every HTTP server of this process (that is, `next start`'s). */
export function installRequestGuard(): void {
  const prototype = http.Server.prototype as unknown as { emit: Emit; [guarded]?: true };
  if (prototype[guarded]) return;
  const emit = prototype.emit;
  prototype.emit = function (event, ...args) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const refusal = refuseRequest(request.method, request.url);
      if (refusal) {
        request.resume();
        send(response, refusal);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
  prototype[guarded] = true;
}
