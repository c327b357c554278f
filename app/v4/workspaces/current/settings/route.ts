import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { assertAdmin } from "@/lib/data/actor";
import { getWorkspaceSettings, updateWorkspaceSettings } from "@/lib/data/workspace";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { readJsonBody } from "@/lib/http/body";
import { json, methodNotAllowed } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { updateWorkspaceSettingsSchema } from "@/lib/validations/workspace-settings";

export const dynamic = "force-dynamic";

export const GET = authenticatedRoute(async (request: NextRequest, principal) => {
  return json(await getWorkspaceSettings(principal));
});

export const PATCH = authenticatedRoute(async (request: NextRequest, principal) => {
  // Before the body: anyone else gets 403 whatever they send (updateWorkspaceSettings asserts it too).
  assertAdmin(principal);
  const input = parseInput(updateWorkspaceSettingsSchema, await readJsonBody(request));
  const { after } = await updateWorkspaceSettings(principal, input, auditSource(request.headers, principal));
  return json(after);
});

const otherMethods = methodNotAllowed("GET, PATCH", "Use GET or PATCH on this path");
export const PUT = otherMethods;
export const POST = otherMethods;
export const DELETE = otherMethods;
