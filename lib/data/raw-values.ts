// Prisma maps raw query results by column type; these accept the other spellings a driver may return
// (SQLite gives numbers and text where PostgreSQL gives booleans and dates).
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") return new Date(value);
  return null;
}

export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "true";
}
