import { describe, expect, it } from "vitest";
import { nested } from "@/test/support/fast-check";
import { firstPrototypeKey } from "./prototype-keys";

describe("firstPrototypeKey", () => {
  it.each([
    ['{"__proto__":{"isAdmin":true}}', "__proto__"],
    ['{"lifetimeSeconds":60,"constructor":{"prototype":{"x":1}}}', "constructor"],
    ['{"a":{"b":[1,{"prototype":null}]}}', "prototype"],
    ['[{"ok":1},{"__proto__":1}]', "__proto__"],
  ])("finds the prototype key in %s, at any depth", (text, key) => {
    expect(firstPrototypeKey(JSON.parse(text))).toBe(key);
  });

  it.each(['{"lifetimeSeconds":60,"name":"ci"}', '{"a":"__proto__","b":["constructor"]}', "[]", "null", '"x"', "1"])(
    "finds none in %s: prototype words as values do not count",
    (text) => {
      expect(firstPrototypeKey(JSON.parse(text))).toBeNull();
    },
  );

  it("walks 100,000 levels of nesting without overflowing the stack", () => {
    expect(firstPrototypeKey(nested(100_000, JSON.parse('{"constructor":1}')))).toBe("constructor");
    expect(firstPrototypeKey(nested(100_000))).toBeNull();
  });
});
