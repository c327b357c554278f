import { describe, expect, it } from "vitest";
import { isTokenId } from "@/lib/tokens/format";
import { isPersonId } from "./common";
import { personIdSchema, tokenIdSchema } from "./ids";

const PERSON_ID = "0b6f5a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b";
const TOKEN_ID = "0123456789ABCDEF";

// RegExp.test turns its argument into a string: ["<id>"] becomes "<id>", so a check by pattern alone accepts it.
const printsAs = (id: string): [string, unknown][] => [
  ["[id]", [id]],
  ["[[id]]", [[id]]],
  ["an object whose toString is the id", { toString: () => id }],
  ['{"not": "x"}', { not: "x" }],
  ["a number", 42],
  ["null", null],
  ["undefined", undefined],
];

describe("isPersonId and isTokenId check the type before the pattern", () => {
  it("accept a well-formed id string", () => {
    expect(isPersonId(PERSON_ID)).toBe(true);
    expect(isTokenId(TOKEN_ID)).toBe(true);
  });

  it.each(printsAs(PERSON_ID))("isPersonId refuses %s", (_name, value) => {
    expect(isPersonId(value)).toBe(false);
    expect(personIdSchema.safeParse(value).success).toBe(false);
  });

  it.each(printsAs(TOKEN_ID))("isTokenId refuses %s", (_name, value) => {
    expect(isTokenId(value)).toBe(false);
    expect(tokenIdSchema.safeParse(value).success).toBe(false);
  });

  it("the schemas refuse strings that are not ids", () => {
    expect(personIdSchema.safeParse("no-such-person").success).toBe(false);
    expect(tokenIdSchema.safeParse("short").success).toBe(false);
    expect(personIdSchema.parse(PERSON_ID)).toBe(PERSON_ID);
    expect(tokenIdSchema.parse(TOKEN_ID)).toBe(TOKEN_ID);
  });
});
