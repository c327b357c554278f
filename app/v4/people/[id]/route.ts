import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { assertAdmin } from "@/lib/data/actor";
import { getPerson, updatePerson } from "@/lib/data/people";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { readJsonBody } from "@/lib/http/body";
import { json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { updatePersonSchema } from "@/lib/validations/people";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = authenticatedRoute(async (request: NextRequest, principal, context: Context) => {
  return json(await getPerson(principal, (await context.params).id));
});

export const PATCH = authenticatedRoute(async (request: NextRequest, principal, context: Context) => {
  assertAdmin(principal); // before the body: anyone else gets 403 whatever they send (updatePerson asserts it too)
  const input = parseInput(updatePersonSchema, await readJsonBody(request));
  return json(await updatePerson(principal, (await context.params).id, input, auditSource(request.headers, principal)));
});

const otherMethods = methodNotAllowed("GET, PATCH", "Use GET or PATCH on this path");
export const PUT = otherMethods;
export const POST = otherMethods;
export const DELETE = otherMethods;
