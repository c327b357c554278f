import { pingDatabase } from "@/lib/data/health";
import { errorResponse, json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await pingDatabase();
    return json({ status: "ok" });
  } catch {
    return errorResponse(503, "database_unavailable", "The database is unavailable", { "Retry-After": "5" });
  }
}
