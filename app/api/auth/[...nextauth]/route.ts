import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptionsFor } from "@/lib/auth/options";
import { workspaceIdOf } from "@/lib/workspaces/request";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth with the options of the request's workspace (the server's gate decided it from the host name).
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, authOptionsFor(workspaceIdOf(request.headers)));
}

export { handler as GET, handler as POST };
