// Shared settings and arbitraries for the property tests (unit) and the live fuzz run (API).
// A fixed seed makes every run generate the same cases, so a failure reproduces; fast-check prints the seed
// and the path of the failing case. FC_SEED=<n> explores other cases locally.
import fc from "fast-check";

export const SEED = Number(process.env.FC_SEED ?? 20_261_128);

/** fc.assert options: the fixed seed and a bounded number of runs, so the unit suite stays fast. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns };
}

/** Keys that reach Object.prototype when an object is merged carelessly. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** An object key: mostly prototype keys and the given field names, sometimes any string. */
export function hostileKey(fields: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...fields), fc.string({ unit: "binary", maxLength: 12 }));
}

/** Any JSON value whose objects use hostile keys, as JSON.parse would give it (own `__proto__` keys included). */
export function hostileJson(fields: readonly string[] = [], maxDepth = 4): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth },
      fc.jsonValue({ maxDepth: 1 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(hostileKey(fields), tie("value"), { maxKeys: 5 }),
    ),
  }));
  return value.map((v) => JSON.parse(JSON.stringify(v) ?? "null") as unknown);
}

/** An array or object nested `depth` levels deep: deeper than any schema, and than a naive recursive walk likes. */
export function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Object.prototype as it was before a test: compare after to see nothing leaked onto it. */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
