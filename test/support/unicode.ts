// Text for the property tests of the rule that text must not lie about itself (lib/validations/text.ts): the
// rule written out again code point by code point, ordinary text in many scripts, and text laced with the
// characters the rule refuses.
import fc from "fast-check";

const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_MODIFIER = /[\u{FE0F}\u{1F3FB}-\u{1F3FF}]/u;

/** Whether the zero-width joiner at `i` joins two emoji (allowing a variation selector or skin tone before it). */
function joinsEmoji(chars: string[], i: number): boolean {
  const before = EMOJI_MODIFIER.test(chars[i - 1] ?? "") ? chars[i - 2] : chars[i - 1];
  return EMOJI.test(before ?? "") && EMOJI.test(chars[i + 1] ?? "");
}

/**
 * Whether `text` holds a character documented as refused: C0 and C1 controls and DEL, format characters
 * (bidi controls, zero-width and invisible characters, the soft hyphen, tags), U+2028 and U+2029, unpaired
 * surrogates, noncharacters; U+200D is allowed between two emoji.
 */
export function holdsRefusedCharacter(text: string): boolean {
  const chars = [...text];
  return chars.some((char, i) => {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
    if (code === 0x2028 || code === 0x2029) return true;
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return true;
    if (code === 0x200d) return !joinsEmoji(chars, i);
    return /\p{Cf}/u.test(char);
  });
}

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => String.fromCodePoint(n));

/** A letter or sign from one of many scripts, an emoji, a combining accent or a space. */
const ordinaryCharacter = fc.oneof(
  range(0x41, 0x5a), // Latin
  range(0xc0, 0xd6), // Latin-1 letters
  range(0x391, 0x3a9), // Greek
  range(0x410, 0x44f), // Cyrillic
  range(0x5d0, 0x5ea), // Hebrew
  range(0x621, 0x64a), // Arabic
  range(0x905, 0x939), // Devanagari
  range(0xe01, 0xe2e), // Thai
  range(0x3041, 0x3096), // Hiragana
  range(0x4e00, 0x9fff), // CJK
  range(0xac00, 0xd7a3), // Hangul
  range(0x20000, 0x2a6df), // CJK extension B (surrogate pairs)
  range(0x300, 0x36f), // combining accents
  range(0x1f600, 0x1f64f), // emoji
  fc.constantFrom(" ", "\u00a0", "-", "’", "'", ".", "!", "é", "ß", "№", "€"),
  fc.constantFrom("👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏽‍💻", "❤️‍🔥", "🏃‍♂️", "🇫🇷", "1️⃣"),
);

/** Text a person may well type, in any of many scripts, emoji sequences included. */
export const ordinaryText = (maxLength: number) =>
  fc
    .array(ordinaryCharacter, { maxLength })
    .map((chars) => chars.join("").trim())
    .filter((text) => text.length <= maxLength);

/** A character the rule refuses (or U+200D, refused unless it joins two emoji). */
const suspectCharacter = fc.oneof(
  range(0x0, 0x1f),
  range(0x7f, 0x9f),
  fc.constantFrom("\u00ad", "\u061c", "\u180e", "\u200e", "\u200f", "\u2028", "\u2029", "\ufeff", "\u200d"),
  range(0x200b, 0x200d),
  range(0x202a, 0x202e),
  range(0x2060, 0x2064),
  range(0x2066, 0x2069),
  range(0xe0020, 0xe007f),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n)),
  range(0xfdd0, 0xfdef),
  fc.integer({ min: 0, max: 16 }).chain((plane) => range(plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff)),
);

/** Ordinary text with suspect characters anywhere in it, and sometimes anything at all. */
export const suspectText = (maxLength: number) =>
  fc.oneof(
    fc
      .array(fc.oneof({ weight: 3, arbitrary: ordinaryCharacter }, suspectCharacter), { maxLength })
      .map((chars) => chars.join("")),
    fc.string({ unit: "binary", maxLength }),
  );
