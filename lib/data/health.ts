import "server-only";
import { db } from "@/lib/db";

/** One trivial read: proves the database answers. */
export async function pingDatabase(): Promise<void> {
  await db.workspace.count();
}
