import type { NextRequest } from "next/server";
import { auditSource } from "@/lib/audit/source";
import { changePassword } from "@/lib/data/account";
import { authenticatedRoute } from "@/lib/http/authenticated-route";
import { readJsonBody } from "@/lib/http/body";
import { methodNotAllowed, noContent } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { changePasswordSchema } from "@/lib/validations/people";

export const dynamic = "force-dynamic";

// Existing tokens keep working: they do not depend on the password.
export const PUT = authenticatedRoute(async (request: NextRequest, principal) => {
  const input = parseInput(changePasswordSchema, await readJsonBody(request));
  const source = auditSource(request.headers, principal);
  await changePassword(request.headers, principal, input.currentPassword, input.newPassword, source);
  return noContent();
});

const otherMethods = methodNotAllowed("PUT", "Use PUT on this path");
export const GET = otherMethods;
export const POST = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
