import type { NextRequest } from "next/server";
import { authenticate } from "@/lib/auth/authenticate";
import { getCurrentPerson } from "@/lib/data/users";
import { apiRoute, json } from "@/lib/http/respond";

export const GET = apiRoute(async (request: NextRequest) => {
  const principal = await authenticate(request);
  return json(await getCurrentPerson(principal));
});
