import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { assertAdmin } from "@/lib/data/actor";
import { createPerson, listPeople } from "@/lib/data/people";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { readJsonBody } from "@/lib/http/body";
import { parsePage } from "@/lib/http/pagination";
import { json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { createPersonSchema } from "@/lib/validations/people";

export const dynamic = "force-dynamic";

export const GET = authenticatedRoute(async (request: NextRequest, principal) => {
  assertAdmin(principal); // before the query: anyone else gets 403 whatever they send (listPeople asserts it too)
  return json(await listPeople(principal, parsePage(request.nextUrl.searchParams)));
});

export const POST = authenticatedRoute(async (request: NextRequest, principal) => {
  assertAdmin(principal); // before the body: anyone else gets 403 whatever they send (createPerson asserts it too)
  const input = parseInput(createPersonSchema, await readJsonBody(request));
  return json(await createPerson(principal, input, auditSource(request.headers, principal)), 201);
});

const otherMethods = methodNotAllowed("GET, POST", "Use GET or POST on this path");
export const PUT = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
