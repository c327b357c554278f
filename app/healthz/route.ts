import { checkDatabaseWritable } from "@/lib/data/health";
import { databaseUnavailable } from "@/lib/errors";
import { json, toErrorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** 200 when the database can be written now; 503 database_unavailable otherwise, whatever the reason. */
export async function GET(): Promise<Response> {
  try {
    await checkDatabaseWritable();
    return json({ status: "ok" });
  } catch {
    return toErrorResponse(databaseUnavailable());
  }
}
