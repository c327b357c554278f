/** An email as it is stored and looked up: trimmed and lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * No stored email holds a control character (the schema refuses them), and PostgreSQL answers a NUL byte in a
 * query with an error: such an email is to be looked up as nobody, without a query.
 */
export function isStorableEmail(email: string): boolean {
  return !/[\u0000-\u001f\u007f]/.test(email);
}
