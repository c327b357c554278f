/**
 * The fields that differ between two versions of a record, as {before, after} holding only those fields;
 * null when nothing changed. For the details of settings.changed and person.changed.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const keys = Object.keys(after).filter((key) => !Object.is(before[key], after[key]));
  if (keys.length === 0) return null;
  const pick = (record: T) => Object.fromEntries(keys.map((key) => [key, record[key]])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}
