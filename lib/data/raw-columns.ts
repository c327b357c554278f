// Prisma maps a raw statement's columns by their declared type, and the two providers' drivers differ
// (SQLite gives integers for booleans and counts, PostgreSQL booleans and BigInt); these accept every spelling.

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") return new Date(value);
  return null;
}

export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "true";
}

export function toCount(value: unknown): number {
  return typeof value === "bigint" || typeof value === "number" || typeof value === "string" ? Number(value) : 0;
}
