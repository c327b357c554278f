import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { revokeLeakedToken } from "@/lib/data/access-tokens";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute, json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { limitRevokeRequests } from "@/lib/rate-limit/throttles";
import { revokeAccessTokenSchema } from "@/lib/validations/access-token";
import { workspaceIdOf } from "@/lib/workspaces/request";

export const dynamic = "force-dynamic";

// For anyone who finds a leaked token (like GitHub's credential revocation API): no credentials, and the same
// answer whether or not the value named a token, so it cannot be used to test guessed values.
// Every request counts against the caller's address (RATE_LIMIT_REVOKE_PER_MINUTE), before the body is read.
export const POST = apiRoute(async (request: NextRequest) => {
  await limitRevokeRequests(clientAddress(request.headers));
  const { tokenValue } = parseInput(revokeAccessTokenSchema, await readJsonBody(request));
  await revokeLeakedToken(tokenValue, workspaceIdOf(request.headers), auditSource(request.headers, null));
  return json({ status: "accepted" }, 202);
});

const otherMethods = methodNotAllowed("POST", "Use POST on this path");
export const GET = otherMethods;
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
