import { describe, expect, it } from "vitest";
import { changedFields } from "./changes";

describe("changedFields", () => {
  it("keeps only the fields that changed, before and after", () => {
    expect(changedFields({ a: 1, b: true, c: "x" }, { a: 2, b: true, c: "y" })).toEqual({
      before: { a: 1, c: "x" },
      after: { a: 2, c: "y" },
    });
  });

  it("is null when nothing changed", () => {
    expect(changedFields({ a: 1, b: false }, { a: 1, b: false })).toBeNull();
  });
});
