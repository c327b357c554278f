import { describe, expect, it } from "vitest";
import { replaceUnsafeCharacters, unsafeCharacterProblem } from "./text";

const INVISIBLE = "must not contain invisible or direction-changing characters";

describe("unsafeCharacterProblem", () => {
  it.each([
    ["invoice\u202Egpj.exe", `${INVISIBLE} (U+202E)`],
    ["\u202Aembedding", `${INVISIBLE} (U+202A)`],
    ["isolate\u2066x\u2069", `${INVISIBLE} (U+2066)`],
    ["mark\u200E", `${INVISIBLE} (U+200E)`],
    ["mark\u200F", `${INVISIBLE} (U+200F)`],
    ["arabic mark\u061C", `${INVISIBLE} (U+061C)`],
    ["zero\u200Bwidth", `${INVISIBLE} (U+200B)`],
    ["non\u200Cjoiner", `${INVISIBLE} (U+200C)`],
    ["a\u200Db", `${INVISIBLE} (U+200D)`],
    ["word\u2060joiner", `${INVISIBLE} (U+2060)`],
    ["invisible\u2064plus", `${INVISIBLE} (U+2064)`],
    ["b\uFEFFom", `${INVISIBLE} (U+FEFF)`],
    ["mongolian\u180Evowel", `${INVISIBLE} (U+180E)`],
    ["soft\u00ADhyphen", `${INVISIBLE} (U+00AD)`],
    ["tag \u{E0041}\u{E0042}", `${INVISIBLE} (U+E0041)`],
    ["line\u2028separator", "must not contain line or paragraph separators (U+2028)"],
    ["paragraph\u2029separator", "must not contain line or paragraph separators (U+2029)"],
    ["nul\u0000", "must not contain control characters (U+0000)"],
    ["tab\there", "must not contain control characters (U+0009)"],
    ["line\nbreak", "must not contain control characters (U+000A)"],
    ["esc\u001b[31m", "must not contain control characters (U+001B)"],
    ["del\u007f", "must not contain control characters (U+007F)"],
    ["c1\u0085next line", "must not contain control characters (U+0085)"],
    ["c1\u009b", "must not contain control characters (U+009B)"],
    ["lone \uD800 high", "must not contain unpaired surrogates (U+D800)"],
    ["lone \uDC00 low", "must not contain unpaired surrogates (U+DC00)"],
    ["reversed \uDC00\uD800", "must not contain unpaired surrogates (U+DC00)"],
    ["non\uFDD0character", "must not contain noncharacters (U+FDD0)"],
    ["non\uFFFE", "must not contain noncharacters (U+FFFE)"],
    ["plane 16 \u{10FFFF}", "must not contain noncharacters (U+10FFFF)"],
    ["plane 1 \u{1FFFE}", "must not contain noncharacters (U+1FFFE)"],
  ])("refuses %j, naming the first such character", (text, problem) => {
    expect(unsafeCharacterProblem(text)).toBe(problem);
  });

  it.each([
    "nightly export",
    "Zoë’s déploiement — «test»",
    "Łódź, Ærøskøbing, İstanbul",
    "日本語のトークン",
    "数据导出",
    "한국어 토큰",
    "Привет, мир",
    "Γειά σου",
    "مرحبا بالعالم",
    "שלום עולם",
    "नमस्ते दुनिया",
    "สวัสดีชาวโลก",
    "🚀 deploy ✅",
    "👩‍💻 dev box",
    "👨‍👩‍👧‍👦 family",
    "🏳️‍🌈 🏳️‍⚧️",
    "🧑🏽‍💻 🫱🏻‍🫲🏼",
    "❤️‍🔥 🐻‍❄️ 🏃‍♂️",
    "🇫🇷 🇯🇵 1️⃣ #️⃣",
    "non-breaking\u00A0space and\u3000ideographic space",
    "a surrogate pair: 𝒳 𠜎",
    "",
  ])("accepts ordinary text: %j", (text) => {
    expect(unsafeCharacterProblem(text)).toBeNull();
  });

  it("allows a zero-width joiner only between two emoji", () => {
    expect(unsafeCharacterProblem("👩\u200D💻")).toBeNull();
    expect(unsafeCharacterProblem("\u200D💻")).toBe(`${INVISIBLE} (U+200D)`);
    expect(unsafeCharacterProblem("👩\u200D")).toBe(`${INVISIBLE} (U+200D)`);
    expect(unsafeCharacterProblem("👩\u200D\u200D💻")).toBe(`${INVISIBLE} (U+200D)`);
    expect(unsafeCharacterProblem("x\u200D💻")).toBe(`${INVISIBLE} (U+200D)`);
  });

  it("refuses subdivision flags, which are built from tag characters", () => {
    expect(unsafeCharacterProblem("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}")).toBe(
      `${INVISIBLE} (U+E0067)`,
    );
  });
});

describe("replaceUnsafeCharacters", () => {
  it("replaces every refused character with U+FFFD and keeps the rest, emoji sequences included", () => {
    expect(replaceUnsafeCharacters("curl\u0085/8\u00AD \u202Eevil")).toBe("curl\uFFFD/8\uFFFD \uFFFDevil");
    expect(replaceUnsafeCharacters("👩‍💻 Mozilla/5.0 (X11; Linux x86_64)")).toBe("👩‍💻 Mozilla/5.0 (X11; Linux x86_64)");
    expect(replaceUnsafeCharacters("a\uD800b\u200Dc")).toBe("a\uFFFDb\uFFFDc");
  });
});
