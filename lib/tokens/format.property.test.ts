import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "@/test/support/fast-check";
import {
  CHECKSUM_LENGTH,
  checksumOf,
  generateToken,
  hashToken,
  isTokenId,
  parseToken,
  SECRET_LENGTH,
  TOKEN_ID_LENGTH,
  TOKEN_LENGTH,
  TOKEN_PREFIX,
  tokenMatchesHash,
} from "./format";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const base62 = (length: number) =>
  fc.string({ unit: fc.constantFrom(...BASE62), minLength: length, maxLength: length });
/** The documented format, checksum aside. */
const SHAPE = /^tsr_[0-9A-Za-z]{16}_[0-9A-Za-z]{43}[0-9A-Za-z]{6}$/;

/** A well-formed token built from generated parts, so the seed alone decides the value. */
const validToken = fc.tuple(base62(TOKEN_ID_LENGTH), base62(SECRET_LENGTH)).map(([tokenId, secret]) => {
  const body = `${TOKEN_PREFIX}${tokenId}_${secret}`;
  return { tokenId, tokenValue: body + checksumOf(body) };
});

/** One edit: replace, insert or delete a character, or swap two neighbours. */
type Edit = { kind: "replace" | "insert"; at: number; char: string } | { kind: "delete" | "swap"; at: number };
const anyChar = fc.oneof(
  fc.constantFrom(...BASE62, "_", "-", " ", "+", "/", "="),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom("replace" as const, "insert" as const), at: fc.nat(), char: anyChar }),
  fc.record({ kind: fc.constantFrom("delete" as const, "swap" as const), at: fc.nat() }),
);

function apply(value: string, e: Edit): string {
  const at = e.at % (value.length + (e.kind === "insert" ? 1 : 0));
  switch (e.kind) {
    case "replace":
      return value.slice(0, at) + e.char + value.slice(at + 1);
    case "insert":
      return value.slice(0, at) + e.char + value.slice(at);
    case "delete":
      return value.slice(0, at) + value.slice(at + 1);
    case "swap":
      return at + 1 < value.length ? value.slice(0, at) + value[at + 1] + value[at] + value.slice(at + 2) : value;
  }
}

describe("token format (properties)", () => {
  it("every generated token parses to its own id and verifies against its own hash", () => {
    for (let i = 0; i < 50; i++) {
      const { tokenId, tokenValue } = generateToken();
      expect(parseToken(tokenValue)).toEqual({ tokenId });
      expect(tokenMatchesHash(tokenValue, hashToken(tokenValue))).toBe(true);
    }
    fc.assert(
      fc.property(validToken, ({ tokenId, tokenValue }) => {
        expect(tokenValue).toHaveLength(TOKEN_LENGTH);
        expect(parseToken(tokenValue)).toEqual({ tokenId });
        expect(isTokenId(tokenId)).toBe(true);
        expect(tokenMatchesHash(tokenValue, hashToken(tokenValue))).toBe(true);
      }),
      runs(300),
    );
  });

  it("any mutation of a valid token is refused, or names another token, and never verifies as the original", () => {
    fc.assert(
      fc.property(validToken, fc.array(edit, { minLength: 1, maxLength: 4 }), ({ tokenId, tokenValue }, edits) => {
        const mutated = edits.reduce(apply, tokenValue);
        fc.pre(mutated !== tokenValue);
        const parsed = parseToken(mutated);
        expect(parsed === null || parsed.tokenId !== tokenId, mutated).toBe(true);
        expect(tokenMatchesHash(mutated, hashToken(tokenValue))).toBe(false);
      }),
      runs(400),
    );
  });

  it("a single replaced character is always refused (the checksum's job)", () => {
    fc.assert(
      fc.property(validToken, fc.nat(), anyChar, ({ tokenValue }, at, char) => {
        const mutated = apply(tokenValue, { kind: "replace", at, char });
        fc.pre(mutated !== tokenValue);
        expect(parseToken(mutated)).toBeNull();
      }),
      runs(400),
    );
  });

  it("never throws, and accepts a string only when it has the format and its checksum", () => {
    const shaped = fc
      .tuple(base62(TOKEN_ID_LENGTH), base62(SECRET_LENGTH), base62(CHECKSUM_LENGTH))
      .map(([id, secret, sum]) => `${TOKEN_PREFIX}${id}_${secret}${sum}`);
    const anyString = fc.oneof(
      fc.string({ unit: "binary", maxLength: 100 }),
      fc.string({ unit: "binary", minLength: TOKEN_LENGTH, maxLength: TOKEN_LENGTH }),
      shaped,
      validToken.map((t) => t.tokenValue),
    );
    fc.assert(
      fc.property(anyString, (value) => {
        const parsed = parseToken(value);
        if (parsed === null) return;
        expect(value).toMatch(SHAPE);
        expect(value.slice(-CHECKSUM_LENGTH)).toBe(checksumOf(value.slice(0, -CHECKSUM_LENGTH)));
        expect(parsed.tokenId).toBe(value.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + TOKEN_ID_LENGTH));
      }),
      runs(400),
    );
  });

  it("a value of the right shape parses exactly when its checksum is right", () => {
    fc.assert(
      fc.property(base62(TOKEN_ID_LENGTH), base62(SECRET_LENGTH), base62(CHECKSUM_LENGTH), (id, secret, sum) => {
        const body = `${TOKEN_PREFIX}${id}_${secret}`;
        expect(parseToken(body + sum) !== null).toBe(sum === checksumOf(body));
      }),
      runs(500),
    );
  });

  it("isTokenId and tokenMatchesHash never throw, whatever they are given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ maxLength: 80 }), (value, stored) => {
        expect(isTokenId(value)).toBe(/^[0-9A-Za-z]{16}$/.test(value));
        expect(tokenMatchesHash(value, stored)).toBe(stored === hashToken(value));
      }),
      runs(500),
    );
  });
});
