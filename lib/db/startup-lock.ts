// Start-up (migrations, first admin) runs under a lock, so that instances starting at the same moment
// against an empty database take turns: the first migrates, the others find nothing left to do.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "./config";

// Any fixed number shared by all instances: the key of PostgreSQL's session-level advisory lock.
const ADVISORY_LOCK_KEY = 7_146_830_211;
const WAIT_MS = 120_000;

export async function withStartupLock<T>(db: DatabaseConfig, work: () => Promise<T>): Promise<T> {
  return db.provider === "postgresql"
    ? withAdvisoryLock(db.url, work)
    : withFileLock(`${db.filePath}.startup-lock`, work);
}

async function withAdvisoryLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${WAIT_MS}`);
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** A lock between processes on one machine: an exclusive transaction on a small SQLite lock file. */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const lock = new Database(lockPath, { timeout: WAIT_MS });
  try {
    lock.exec("BEGIN EXCLUSIVE");
    try {
      return await work();
    } finally {
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}
