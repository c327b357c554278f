import "server-only";
import { hotRead } from "@/lib/db/client";

// Which workspace a name belongs to, asked for every request when WORKSPACE_DOMAIN is set: kept in memory for a
// few seconds, found or not (an unknown name must not cost a read per request either). So a workspace created,
// renamed or deleted from the command line (`npm run workspace`) is seen by every running instance within
// CACHE_MS. A deleted workspace's people and tokens are gone at once: its name resolving a moment longer finds
// nobody. The map is emptied when it reaches MAX_NAMES, so that made-up host names cannot grow it without end.
const CACHE_MS = 5_000;
const MAX_NAMES = 10_000;

type Entry = { id: string | null; until: number };
const globalForDirectory = globalThis as unknown as { tesseraWorkspaceNames?: Map<string, Entry> };
const names = (globalForDirectory.tesseraWorkspaceNames ??= new Map());

/** The id of the workspace with this name, or null when there is none. */
export async function workspaceIdNamed(name: string, now = Date.now()): Promise<string | null> {
  const cached = names.get(name);
  if (cached && cached.until > now) return cached.id;
  const rows = await hotRead<{ id: unknown }>(`SELECT "id" FROM "Workspace" WHERE "name" = ?`, [name]);
  const id = rows[0] ? String(rows[0].id) : null;
  if (names.size >= MAX_NAMES) names.clear();
  names.set(name, { id, until: now + CACHE_MS });
  return id;
}
