import "server-only";
import { databaseConfig } from "@/lib/config/database";
import { createDbClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/db-client";

// One client per process; the global survives module reloads in development.
const globalForDb = globalThis as unknown as { tesseraDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.tesseraDb ??= createDbClient(databaseConfig()));
