import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileJson, runs } from "@/test/support/fast-check";
import { firstDuplicateKey } from "./duplicate-keys";

describe("firstDuplicateKey", () => {
  it.each([
    ['{"a":1,"a":2}', "a"],
    ['{"lifetimeSeconds":60,"description":"x","lifetimeSeconds":-1}', "lifetimeSeconds"],
    ['{"a":1,"\\u0061":2}', "a"],
    ['{"x":{"b":1,"b":1}}', "b"],
    ['[{"a":1},{"a":1,"a":1}]', "a"],
    ['{"__proto__":1,"__proto__":2}', "__proto__"],
    ['{"a\\"b":1,"a\\"b":2}', 'a"b'],
  ])("finds the repeated key in %s", (text, key) => {
    expect(firstDuplicateKey(text)).toBe(key);
  });

  it.each([
    '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}',
    '{"a":"{\\"a\\":1,","b":"}"}',
    '{"a":"\\\\","b":"\\\\\\""}',
    '["a","a",{"a":"a"}]',
    '"a"',
    "[]",
    "{}",
  ])("finds none in %s: equal keys in different objects, and keys inside strings, do not count", (text) => {
    expect(firstDuplicateKey(text)).toBeNull();
  });

  it("walks 100,000 levels of nesting without overflowing the stack", () => {
    expect(firstDuplicateKey(`${"[".repeat(100_000)}{"a":1,"a":2}${"]".repeat(100_000)}`)).toBe("a");
    expect(firstDuplicateKey(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`)).toBeNull();
  });

  it("finds none in any JSON text JSON.stringify writes, whatever the indentation", () => {
    fc.assert(
      fc.property(hostileJson(["a", "b"]), fc.constantFrom(0, 1, "\t"), (value, indent) => {
        expect(firstDuplicateKey(JSON.stringify(value, null, indent))).toBeNull();
      }),
      runs(150),
    );
  });

  it("finds a key repeated in any object of any JSON value", () => {
    const object = fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), hostileJson([], 2), { minKeys: 1 });
    fc.assert(
      fc.property(object, hostileJson([], 2), fc.nat(), (obj, value, pick) => {
        const keys = Object.keys(obj);
        const key = keys[pick % keys.length];
        const text = JSON.stringify(obj).replace(/}$/, `,${JSON.stringify(key)}:${JSON.stringify(value)}}`);
        expect(firstDuplicateKey(JSON.stringify([text.length, JSON.parse(`[${text}]`)]))).toBeNull();
        expect(firstDuplicateKey(`[1,{"nested":${text}}]`)).toBe(key);
      }),
      runs(150),
    );
  });
});
