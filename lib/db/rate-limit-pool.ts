import "server-only";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { databaseConfig } from "./config";

// The throttles share their counts through PostgreSQL (lib/rate-limit/throttles.ts). rate-limiter-flexible
// talks to pg itself, not through Prisma, so it gets a small pool of its own beside the client's.
const POOL_SIZE = 2;

// One pool per process, held on globalThis like the client (lib/db/client.ts says why).
const globalForPool = globalThis as unknown as { tesseraRateLimitPool?: Pool };

/** The rate limiter's pool; null on SQLite, where one instance counts in memory. */
export function rateLimitPool(): Pool | null {
  const config = databaseConfig(env().DATABASE_URL);
  if (config.provider === "sqlite") return null;
  if (!globalForPool.tesseraRateLimitPool) {
    const pool = new Pool({ connectionString: config.url, max: POOL_SIZE, connectionTimeoutMillis: 5000 });
    // An idle connection ended by the server is dropped by the pool; unheard, its error would end the process.
    pool.on("error", () => {});
    globalForPool.tesseraRateLimitPool = pool;
  }
  return globalForPool.tesseraRateLimitPool;
}

export async function closeRateLimitPool(): Promise<void> {
  const pool = globalForPool.tesseraRateLimitPool;
  delete globalForPool.tesseraRateLimitPool;
  await pool?.end();
}
