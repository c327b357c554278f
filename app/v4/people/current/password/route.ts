import type { NextRequest } from "next/server";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/data/users";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute, methodNotAllowed, noContent } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { changePasswordSchema } from "@/lib/validations/people";

// Existing tokens keep working: they do not depend on the password.
export const PUT = apiRoute(async (request: NextRequest) => {
  const principal = await authenticate(request);
  const input = parseInput(changePasswordSchema, await readJsonBody(request));
  await changePassword(principal, input.currentPassword, input.newPassword);
  return noContent();
});

const otherMethods = methodNotAllowed("PUT", "Use PUT on this path");
export const GET = otherMethods;
export const POST = otherMethods;
export const PATCH = otherMethods;
export const DELETE = otherMethods;
