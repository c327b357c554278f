// Characters that make text lie about itself, refused in everything people set and others read. A bidi override
// shows "invoice\u202Egpj.exe" as "invoiceexe.jpg"; zero-width and other invisible format characters make two
// names that look the same differ, or hide text ("ASCII smuggling" with tag characters); line separators and
// controls break the layout and the logs; lone surrogates and noncharacters are not text at all (SQLite and
// PostgreSQL would not even store them alike). One rule, by Unicode category, so that it covers the whole
// family rather than a list of examples:
// - Cc: C0 and C1 controls and DEL;
// - Cf: format characters: bidi marks, embeddings, overrides and isolates (U+200E, U+200F, U+061C,
//   U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF), U+180E,
//   the soft hyphen U+00AD and the tag characters; the one exception is U+200D (zero-width joiner) between two
//   emoji, which builds emoji such as 👩‍💻 and shows as one picture, not as hidden text;
// - Zl, Zp: U+2028 and U+2029;
// - Cs: surrogates that are not part of a pair;
// - noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.

const EMOJI = String.raw`\p{Extended_Pictographic}`;
const EMOJI_JOINER = String.raw`(?<=${EMOJI}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D(?=${EMOJI})`;
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => [0xfffe, 0xffff].map((n) => plane * 0x10000 + n))
  .flat()
  .map((code) => String.raw`\u{${code.toString(16)}}`)
  .join("");
const UNSAFE = String.raw`(?!${EMOJI_JOINER})[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\uFDD0-\uFDEF${NONCHARACTERS}]`;
const FIRST_UNSAFE = new RegExp(UNSAFE, "u");
const EVERY_UNSAFE = new RegExp(UNSAFE, "gu");

function problemWith(char: string): string {
  if (/\p{Cc}/u.test(char)) return "must not contain control characters";
  if (/[\u2028\u2029]/u.test(char)) return "must not contain line or paragraph separators";
  if (/\p{Cf}/u.test(char)) return "must not contain invisible or direction-changing characters";
  if (/\p{Cs}/u.test(char)) return "must not contain unpaired surrogates";
  return "must not contain noncharacters";
}

/** What is wrong with the first character of `text` that is not allowed, naming it as U+XXXX; or null. */
export function unsafeCharacterProblem(text: string): string | null {
  const char = FIRST_UNSAFE.exec(text)?.[0];
  if (char === undefined) return null;
  const name = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `${problemWith(char)} (${name})`;
}

/** `text` with every character unsafeCharacterProblem refuses replaced by U+FFFD, for text nobody can refuse. */
export function replaceUnsafeCharacters(text: string): string {
  return text.replace(EVERY_UNSAFE, "\uFFFD");
}
