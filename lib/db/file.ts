// The SQLite database file as the operating system sees it: which file is at the path (a file deleted, or
// replaced by a restore, is another file even at the same path), and whether it can be written now.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** Device and inode: what stays the same for one file, and differs for a file put back at the same path. */
export type FileIdentity = { dev: number; ino: number };

/** The file at the path now; null when there is none (or it cannot be seen). */
export function fileIdentity(filePath: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(filePath);
    return { dev, ino };
  } catch {
    return null;
  }
}

export function sameFile(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return a === b || (a !== null && b !== null && a.dev === b.dev && a.ino === b.ino);
}

/**
 * Throws unless the file and its folder (where SQLite writes its journal) can be written. A connection that
 * opened the file for writing learns that it was made immutable or remounted read-only only when a commit
 * fails, so the health check asks the kernel (which says no to root too: EPERM, EROFS).
 */
export function assertWritable(filePath: string): void {
  accessSync(filePath, constants.W_OK);
  accessSync(path.dirname(filePath), constants.W_OK);
}
