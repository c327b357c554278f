import "server-only";
import { db, databaseFile, reopenIfFileReplaced } from "@/lib/db/client";
import { assertWritable } from "@/lib/db/file";

/**
 * Proves the database can be used for writing, cheaply: no row is written, so no disk write and no lock
 * on a row. SQLite: the file at the path is the one the current client was made for (else a new client
 * takes over, see lib/db/client.ts), and it and its folder can be written. Then, on either database, a write statement that
 * changes nothing: PostgreSQL refuses it in a read-only database (25006) as it would any write, and it
 * needs SQLite's write lock. A dropped database, or one refusing connections, fails it as it fails a read.
 */
export async function checkDatabaseWritable(): Promise<void> {
  if (databaseFile) {
    reopenIfFileReplaced();
    assertWritable(databaseFile);
  }
  await db.$executeRaw`UPDATE "Workspace" SET "name" = "name" WHERE 1 = 0`;
}
