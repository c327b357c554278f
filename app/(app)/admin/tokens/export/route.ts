import { NextResponse, type NextRequest } from "next/server";
import { sessionUserOf } from "@/lib/auth/session";
import { listWorkspaceTokens } from "@/lib/data/token-inventory";
import { toCsv } from "@/lib/http/csv";
import { apiRoute } from "@/lib/http/respond";
import { tokenInventoryFiltersSchema, inventoryFilterInput } from "@/lib/validations/token-inventory";

const HEADER = [
  "tokenId",
  "description",
  "ownerEmail",
  "ownerName",
  "status",
  "scopes",
  "createdAt",
  "expiresAt",
  "lastUsed",
  "uses30d",
];

function refuse(status: number, message: string): NextResponse {
  return new NextResponse(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Admin > Tokens' Export CSV: every token matching the page's filters (the same query parameters), for the
 * signed-in admin. Signed out or not an admin: 404, as if there were nothing here.
 */
// apiRoute: a database that cannot answer is a 503 with Retry-After, as on the API, never a 500.
export const GET = apiRoute(async (request: NextRequest): Promise<Response> => {
  const user = await sessionUserOf(request.headers);
  if (!user?.isAdmin) return refuse(404, "Not found");
  const filters = tokenInventoryFiltersSchema.safeParse(inventoryFilterInput(request.nextUrl.searchParams));
  if (!filters.success) {
    return refuse(400, filters.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; "));
  }
  const { data } = await listWorkspaceTokens(user, filters.data, null);
  const csv = toCsv(
    HEADER,
    data.map((token) => [
      token.tokenId,
      token.description,
      token.owner.email,
      token.owner.name,
      token.status,
      token.scopes?.join(" "),
      token.createdAt,
      token.expiredAt,
      token.lastUsed,
      token.uses30d,
    ]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tessera-tokens-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
