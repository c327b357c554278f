import type { NextRequest } from "next/server";
import { authenticate, requireAdmin } from "@/lib/auth/authenticate";
import { getWorkspaceSettings, updateWorkspaceSettings } from "@/lib/data/workspace";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { updateWorkspaceSettingsSchema } from "@/lib/validations/workspace-settings";

export const GET = apiRoute(async (request: NextRequest) => {
  const principal = await authenticate(request);
  requireAdmin(principal);
  return json(await getWorkspaceSettings(principal));
});

export const PATCH = apiRoute(async (request: NextRequest) => {
  const principal = await authenticate(request);
  const input = parseInput(updateWorkspaceSettingsSchema, await readJsonBody(request));
  const { after } = await updateWorkspaceSettings(principal, input);
  return json(after);
});
