import { describe, expect, it } from "vitest";
import {
  CHECKSUM_LENGTH,
  checksumOf,
  generateToken,
  hashToken,
  isTokenId,
  parseToken,
  randomBase62,
  SECRET_LENGTH,
  TOKEN_ID_LENGTH,
  TOKEN_LENGTH,
  TOKEN_PREFIX,
  tokenMatchesHash,
} from "./format";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Replacement characters for mutation: every base62 character plus a few that never belong in a token. */
const REPLACEMENTS = [...BASE62, "_", "-", " ", "+", "/", "=", "é"];

function replaceAt(value: string, index: number, char: string): string {
  return value.slice(0, index) + char + value.slice(index + 1);
}

describe("generateToken", () => {
  it("produces tsr_ + 16-char id + _ + 43-char secret + 6-char checksum, all base62", () => {
    const { tokenId, tokenValue } = generateToken();
    expect(tokenValue).toHaveLength(TOKEN_LENGTH);
    expect(TOKEN_LENGTH).toBe(4 + 16 + 1 + 43 + 6);
    expect(tokenValue).toMatch(/^tsr_[0-9A-Za-z]{16}_[0-9A-Za-z]{43}[0-9A-Za-z]{6}$/);
    expect(tokenValue.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + TOKEN_ID_LENGTH)).toBe(tokenId);
  });

  it("generated tokens parse back to their own id", () => {
    for (let i = 0; i < 200; i++) {
      const { tokenId, tokenValue } = generateToken();
      expect(parseToken(tokenValue)).toEqual({ tokenId });
    }
  });

  it("generated tokens carry the checksum of everything before it", () => {
    const { tokenValue } = generateToken();
    const body = tokenValue.slice(0, -CHECKSUM_LENGTH);
    expect(tokenValue.slice(-CHECKSUM_LENGTH)).toBe(checksumOf(body));
  });

  it("never repeats an id or a value across many generations", () => {
    const ids = new Set<string>();
    const values = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const { tokenId, tokenValue } = generateToken();
      ids.add(tokenId);
      values.add(tokenValue);
    }
    expect(ids.size).toBe(1000);
    expect(values.size).toBe(1000);
  });
});

describe("parseToken", () => {
  it("refuses every single-character change at every position", () => {
    const accepted: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { tokenValue } = generateToken();
      for (let i = 0; i < tokenValue.length; i++) {
        for (const char of REPLACEMENTS) {
          if (char === tokenValue[i]) continue;
          const mutated = replaceAt(tokenValue, i, char);
          if (parseToken(mutated) !== null) accepted.push(mutated);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it("refuses a value with two adjacent characters swapped", () => {
    const { tokenValue } = generateToken();
    for (let i = TOKEN_PREFIX.length; i < tokenValue.length - 1; i++) {
      if (tokenValue[i] === tokenValue[i + 1]) continue;
      const swapped = tokenValue.slice(0, i) + tokenValue[i + 1] + tokenValue[i] + tokenValue.slice(i + 2);
      expect(parseToken(swapped), `swap at ${i}`).toBeNull();
    }
  });

  it("refuses every truncation and extension", () => {
    const { tokenValue } = generateToken();
    for (let length = 0; length < tokenValue.length; length++) {
      expect(parseToken(tokenValue.slice(0, length)), `first ${length} characters`).toBeNull();
      expect(parseToken(tokenValue.slice(tokenValue.length - length)), `last ${length} characters`).toBeNull();
    }
    for (const extra of ["a", "0", "_", " ", "\n", "aaaaaa"]) {
      expect(parseToken(tokenValue + extra)).toBeNull();
      expect(parseToken(extra + tokenValue)).toBeNull();
    }
  });

  it("refuses a wrong prefix even when the checksum is recomputed for it", () => {
    const { tokenValue } = generateToken();
    const rest = tokenValue.slice(TOKEN_PREFIX.length, -CHECKSUM_LENGTH);
    for (const prefix of ["tsx_", "TSR_", "tsr-", "abc_", "ghp_"]) {
      const body = prefix + rest;
      expect(parseToken(body + checksumOf(body)), prefix).toBeNull();
    }
  });

  it("accepts a hand-built value whose checksum is right, and nothing else of that shape", () => {
    const body = `${TOKEN_PREFIX}${"A".repeat(TOKEN_ID_LENGTH)}_${"b".repeat(SECRET_LENGTH)}`;
    expect(parseToken(body + checksumOf(body))).toEqual({ tokenId: "A".repeat(TOKEN_ID_LENGTH) });
    expect(parseToken(body + "000000")).toBeNull();
  });

  it("refuses empty, whitespace-padded and non-token strings", () => {
    const { tokenValue } = generateToken();
    for (const value of ["", " ", "tsr_", ` ${tokenValue.slice(1)}`, `${tokenValue.slice(0, -1)} `, "x".repeat(70)]) {
      expect(parseToken(value)).toBeNull();
    }
  });
});

describe("checksumOf", () => {
  it("is stable: known inputs keep their known checksums", () => {
    // CRC32("123456789") is the standard check value 0xCBF43926, written as 6 base62 digits.
    expect(checksumOf("123456789")).toBe("3jZRME");
    expect(checksumOf("")).toBe("000000");
    expect(checksumOf("tsr_0000000000000000_")).toBe("45QcP9");
  });

  it("always gives 6 base62 characters", () => {
    for (let i = 0; i < 500; i++) {
      expect(checksumOf(randomBase62(i % 80))).toMatch(/^[0-9A-Za-z]{6}$/);
    }
  });
});

describe("hashToken", () => {
  it("is the SHA-256 hex digest of the value", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashToken("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("gives 64 lowercase hex characters that never equal or contain the token", () => {
    const { tokenValue } = generateToken();
    const hash = hashToken(tokenValue);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(tokenValue);
    expect(hash).not.toContain(tokenValue.slice(TOKEN_PREFIX.length + TOKEN_ID_LENGTH + 1, -CHECKSUM_LENGTH));
  });

  it("is deterministic and differs between tokens", () => {
    const a = generateToken().tokenValue;
    const b = generateToken().tokenValue;
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(hashToken(b));
  });
});

describe("tokenMatchesHash", () => {
  it("is true for the token's own hash", () => {
    const { tokenValue } = generateToken();
    expect(tokenMatchesHash(tokenValue, hashToken(tokenValue))).toBe(true);
  });

  it("is false for another token's hash", () => {
    const a = generateToken().tokenValue;
    const b = generateToken().tokenValue;
    expect(tokenMatchesHash(a, hashToken(b))).toBe(false);
  });

  it("is false when the value itself is stored instead of its hash", () => {
    const { tokenValue } = generateToken();
    expect(tokenMatchesHash(tokenValue, tokenValue)).toBe(false);
  });

  it("is false, without throwing, for a stored hash of a different length", () => {
    const { tokenValue } = generateToken();
    const hash = hashToken(tokenValue);
    for (const stored of ["", hash.slice(0, 62), hash.slice(0, 63), `${hash}0`, `${hash}00`, `${hash}zz`, "zz"]) {
      expect(tokenMatchesHash(tokenValue, stored), `stored ${JSON.stringify(stored)}`).toBe(false);
    }
  });

  it("is false for a 64-character stored value that is not hex", () => {
    const { tokenValue } = generateToken();
    const hash = hashToken(tokenValue);
    expect(tokenMatchesHash(tokenValue, `${hash.slice(0, 60)}zzzz`)).toBe(false);
  });
});

describe("randomBase62", () => {
  it("returns exactly the requested number of characters", () => {
    for (const length of [0, 1, 16, 43, 100]) expect(randomBase62(length)).toHaveLength(length);
  });

  it("uses only base62 characters and every one of them, roughly uniformly", () => {
    const perChar = 2000;
    const sample = randomBase62(62 * perChar);
    const counts = new Map<string, number>();
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);

    expect([...counts.keys()].every((char) => BASE62.includes(char))).toBe(true);
    expect(counts.size).toBe(62);

    // Chi-square with 61 degrees of freedom: mean 61, sd ≈ 11. A bound of 200 is over 12 sd away, so a fair
    // generator never fails it, while a biased one (e.g. modulo bias from bytes % 62, or a missing char) does.
    let chiSquare = 0;
    for (const char of BASE62) chiSquare += ((counts.get(char) ?? 0) - perChar) ** 2 / perChar;
    expect(chiSquare).toBeLessThan(200);
  });

  it("secrets carry at least 256 bits: 43 × log2(62) ≥ 256", () => {
    expect(SECRET_LENGTH).toBe(43);
    expect(SECRET_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(256);
  });
});

describe("isTokenId", () => {
  it("accepts 16 base62 characters, including generated ids", () => {
    expect(isTokenId("0123456789ABCDEF")).toBe(true);
    expect(isTokenId("abcdefghijklmnop")).toBe(true);
    expect(isTokenId(generateToken().tokenId)).toBe(true);
  });

  it("refuses other lengths, other characters and whole token values", () => {
    const { tokenValue } = generateToken();
    for (const value of [
      "",
      "0123456789ABCDE",
      "0123456789ABCDEF0",
      "0123456789ABCDE_",
      "0123456789ABCDE-",
      "0123456789ABCDE ",
      " 0123456789ABCDE",
      "0123456789ABCDE\n",
      "0123456789ABCDEé",
      tokenValue,
    ]) {
      expect(isTokenId(value), JSON.stringify(value)).toBe(false);
    }
  });
});
