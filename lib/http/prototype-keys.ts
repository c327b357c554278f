// Unknown fields of a body are ignored (docs/api.md, Compatibility), but not these: JSON.parse makes
// "__proto__" an own key, and code that copies or merges a body (Object.assign, a spread into a class, a deep
// merge) can then replace an object's prototype or reach a constructor. No real client sends them, so a body
// that carries one, at any depth, is refused rather than trusted to be dropped everywhere.
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A prototype key of any object in a parsed JSON value (the first one found), or null. No recursion. */
export function firstPrototypeKey(value: unknown): string | null {
  const stack = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== "object") continue;
    for (const key of Object.keys(current)) {
      if (PROTOTYPE_KEYS.has(key)) return key;
      stack.push((current as Record<string, unknown>)[key]);
    }
  }
  return null;
}
