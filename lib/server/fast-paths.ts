import "server-only";
import { authenticateToken } from "@/lib/auth/authenticate";
import { parseAuthorizationHeader } from "@/lib/auth/authorization-header";
import { verifyToken } from "@/lib/forward-auth/verify";
import { errorAnswer, jsonAnswer, tokenExpiresHeader, type Answer } from "@/lib/http/answer";

/**
 * The requests the server answers itself, before Next.js: the token check reverse proxies make for every request
 * of someone else's API (GET /v4/auth/verify, any method), and a script's "who am I" with a token
 * (GET /v4/people/current). Next.js's own work is most of what a request costs (docs/performance.md); these run
 * the same lib/ code, with the same process state (database client, throttles, token-use buffer), as the
 * routes. null: not one of them (a session cookie, another method), so Next.js answers as usual.
 */
export async function answerBeforeNext(method: string, path: string, headers: Headers): Promise<Answer | null> {
  if (path === "/v4/auth/verify") return verifyToken(method, headers);
  if (path === "/v4/people/current" && (method === "GET" || method === "HEAD")) {
    const credentials = parseAuthorizationHeader(headers.get("authorization"));
    if (credentials.scheme === "bearer") return currentPersonByToken(headers, credentials.token);
  }
  return null;
}

// As app/v4/people/current/route.ts answers a token: the owner, read in the authenticating statement itself.
async function currentPersonByToken(headers: Headers, token: string): Promise<Answer> {
  try {
    const principal = await authenticateToken(headers, token, "read_api");
    return jsonAnswer(principal.person, 200, tokenExpiresHeader(principal.tokenExpiresAt));
  } catch (error) {
    return errorAnswer(error);
  }
}
