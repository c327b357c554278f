// The rule that text must not lie about itself, against generated text: nothing it accepts holds a refused
// character, everything else is refused with the character named, and ordinary text in many scripts passes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "@/test/support/fast-check";
import { holdsRefusedCharacter, ordinaryText, suspectText } from "@/test/support/unicode";
import { replaceUnsafeCharacters, unsafeCharacterProblem } from "./text";

describe("unsafeCharacterProblem (properties)", () => {
  it("accepts exactly the text that holds no refused character, and names the character it refuses", () => {
    fc.assert(
      fc.property(suspectText(30), (text) => {
        const problem = unsafeCharacterProblem(text);
        expect(problem === null, JSON.stringify(text)).toBe(!holdsRefusedCharacter(text));
        if (problem !== null) expect(problem).toMatch(/^must not contain [a-z ,-]+ \(U\+[0-9A-F]{4,6}\)$/);
      }),
      runs(1000),
    );
  });

  it("accepts ordinary text in many scripts, emoji sequences included", () => {
    fc.assert(
      fc.property(ordinaryText(40), (text) => {
        expect(unsafeCharacterProblem(text), JSON.stringify(text)).toBeNull();
      }),
      runs(500),
    );
  });

  it("replaceUnsafeCharacters leaves nothing it would refuse, and changes nothing it would accept", () => {
    fc.assert(
      fc.property(suspectText(30), (text) => {
        const replaced = replaceUnsafeCharacters(text);
        expect(unsafeCharacterProblem(replaced)).toBeNull();
        if (unsafeCharacterProblem(text) === null) expect(replaced).toBe(text);
      }),
      runs(500),
    );
  });
});
