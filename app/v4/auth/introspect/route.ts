import type { NextRequest } from "next/server";
import { authenticateGateway, introspect } from "@/lib/forward-auth/introspect";
import { readFormBody } from "@/lib/http/body";
import { apiRoute, json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { introspectionRequestSchema } from "@/lib/validations/introspection";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: NextRequest) => {
  const gateway = await authenticateGateway(request.headers);
  const { token } = parseInput(introspectionRequestSchema, await readFormBody(request));
  return json(await introspect(request.headers, gateway, token));
});

const onlyPost = methodNotAllowed("POST", "Introspection takes the token in a form-encoded POST body (RFC 7662)");
export { onlyPost as GET, onlyPost as PUT, onlyPost as PATCH, onlyPost as DELETE };
