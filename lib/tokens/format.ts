// The token value: "tsr_" + public token id (16) + "_" + secret (43) + checksum (6), all base62.
// The prefix lets secret scanners and people spot a leaked token; the id is what the UI shows; the
// secret carries 43 × log2(62) ≈ 256 bits; the CRC32 checksum lets a mistyped or made-up value be
// refused before any database read. The checksum is not a secret and adds no security of its own.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

export const TOKEN_PREFIX = "tsr_";
export const TOKEN_ID_LENGTH = 16;
export const SECRET_LENGTH = 43;
export const CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + TOKEN_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_PATTERN = new RegExp(
  `^${TOKEN_PREFIX}([0-9A-Za-z]{${TOKEN_ID_LENGTH}})_[0-9A-Za-z]{${SECRET_LENGTH}}([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);
const TOKEN_ID_PATTERN = new RegExp(`^[0-9A-Za-z]{${TOKEN_ID_LENGTH}}$`);

/** Uniformly random base62 characters from the operating system's CSPRNG. */
export function randomBase62(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += BASE62[randomInt(62)];
  return out;
}

export function checksumOf(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateToken(): { tokenId: string; tokenValue: string } {
  const tokenId = randomBase62(TOKEN_ID_LENGTH);
  const body = `${TOKEN_PREFIX}${tokenId}_${randomBase62(SECRET_LENGTH)}`;
  return { tokenId, tokenValue: body + checksumOf(body) };
}

/** The token id of a well-formed value with a valid checksum, or null. Never touches the database. */
export function parseToken(value: string): { tokenId: string } | null {
  if (value.length !== TOKEN_LENGTH) return null;
  const match = TOKEN_PATTERN.exec(value);
  if (!match) return null;
  const body = value.slice(0, -CHECKSUM_LENGTH);
  if (checksumOf(body) !== match[2]) return null;
  return { tokenId: match[1] };
}

/** Checks the type first: RegExp.test would turn ["<id>"] or an object into a string and match that. */
export function isTokenId(value: unknown): value is string {
  return typeof value === "string" && TOKEN_ID_PATTERN.test(value);
}

/** SHA-256 is enough here: the secret has 256 bits of entropy, so there is nothing to brute-force. */
export function hashToken(tokenValue: string): string {
  return createHash("sha256").update(tokenValue).digest("hex");
}

export function tokenMatchesHash(tokenValue: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(tokenValue), "hex");
  const expected = Buffer.from(storedHash, "hex");
  // Buffer.from(…, "hex") silently drops an odd last digit and everything after a non-hex character.
  return (
    storedHash.length === actual.length * 2 && actual.length === expected.length && timingSafeEqual(actual, expected)
  );
}
