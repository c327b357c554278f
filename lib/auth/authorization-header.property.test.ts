import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "@/test/support/fast-check";
import { parseAuthorizationHeader, type Credentials } from "./authorization-header";

const MAX_HEADER_LENGTH = 4096;
const REASONS = [
  "The Authorization header is too long",
  "The Authorization header must be 'Bearer <token>'",
  "Unsupported authorization scheme; use 'Bearer <token>'",
  "Basic credentials must be base64(email:password)",
];

/** The scheme name in any letter case, as clients send it. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
/** What HTTP allows between and around the two parts. */
const spaces = (min: number) => fc.stringMatching(new RegExp(`^[ \\t]{${min},4}$`));
const padding = fc.option(spaces(1), { nil: "" });
/** Any character that is not whitespace (as the parser's \S sees it). */
const nonSpace = fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => /^\S$/.test(c));
const token = fc.string({ unit: nonSpace, minLength: 1, maxLength: 200 });
/** Headers as sent, odd ones included: any characters, scheme-like prefixes, and very long values. */
const anyHeader = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
  fc
    .tuple(fc.constantFrom("Bearer", "Basic", "bearer", "BASIC", "Digest", "Token"), padding, fc.string())
    .map(([scheme, gap, rest]) => `${scheme}${gap}${rest}`),
  // Around the length limit: cheap to build by padding rather than character by character.
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: MAX_HEADER_LENGTH - 10, max: MAX_HEADER_LENGTH + 10 }))
    .map(([start, length]) => `Bearer ${start}`.padEnd(length, "a")),
);

const KINDS = ["none", "bearer", "basic", "invalid"];

function basicValue(email: string, password: string): string {
  return Buffer.from(`${email}:${password}`, "utf8").toString("base64");
}

describe("parseAuthorizationHeader (properties)", () => {
  it("never throws, and always gives one of the documented kinds with exactly its fields", () => {
    fc.assert(
      fc.property(fc.option(anyHeader, { nil: null }), (header) => {
        const result: Credentials = parseAuthorizationHeader(header);
        expect(KINDS).toContain(result.scheme);
        const fields = { none: [], bearer: ["token"], basic: ["email", "password"], invalid: ["reason"] };
        expect(Object.keys(result).sort()).toEqual(["scheme", ...fields[result.scheme]].sort());
      }),
      runs(500),
    );
  });

  it("round-trips any Bearer token, whatever the scheme's case and the spaces around it", () => {
    fc.assert(
      fc.property(padding, anyCase("bearer"), spaces(1), token, padding, (before, scheme, gap, value, after) => {
        const header = `${before}${scheme}${gap}${value}${after}`;
        expect(parseAuthorizationHeader(header)).toEqual({ scheme: "bearer", token: value });
      }),
      runs(500),
    );
  });

  it("round-trips any email:password sent as Basic (UTF-8, colons in the password, empty password)", () => {
    const email = fc.string({ unit: "binary", minLength: 1, maxLength: 60 }).filter((e) => !e.includes(":"));
    const password = fc.string({ unit: "binary", maxLength: 100 });
    fc.assert(
      fc.property(anyCase("basic"), spaces(1), email, password, (scheme, gap, e, p) => {
        expect(parseAuthorizationHeader(`${scheme}${gap}${basicValue(e, p)}`)).toEqual({
          scheme: "basic",
          email: e,
          password: p,
        });
      }),
      runs(500),
    );
  });

  it("refuses any header with a third part, or with no value after the scheme", () => {
    fc.assert(
      fc.property(anyCase("bearer"), token, token, (scheme, a, b) => {
        expect(parseAuthorizationHeader(`${scheme} ${a} ${b}`).scheme).toBe("invalid");
        expect(parseAuthorizationHeader(`${scheme} `).scheme).toBe("invalid");
      }),
      runs(300),
    );
  });

  it("is 'none' exactly for a missing or blank header", () => {
    fc.assert(
      fc.property(fc.option(anyHeader, { nil: null }), (header) => {
        const none = parseAuthorizationHeader(header).scheme === "none";
        expect(none).toBe(header === null || header.trim() === "");
      }),
      runs(300),
    );
  });

  it("never echoes what was sent: a refusal's reason is one of a few fixed sentences", () => {
    const secret = fc.string({ unit: nonSpace, minLength: 12, maxLength: 100 });
    const header = fc.oneof(
      anyHeader,
      secret,
      secret.map((s) => `Bearer ${s} ${s}`),
      secret.map((s) => `Basic ${s}`),
      secret.map((s) => `Token ${s}`),
      secret.map((s) => `Bearer ${s}`.padEnd(MAX_HEADER_LENGTH + 1, "x")),
    );
    fc.assert(
      fc.property(header, (value) => {
        const result = parseAuthorizationHeader(value);
        if (result.scheme !== "invalid") return;
        expect(REASONS).toContain(result.reason);
      }),
      runs(500),
    );
  });

  it("refuses every header over the maximum length before looking inside it", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 2000 }), (value, extra) => {
        const header = `Bearer ${value}`.padEnd(MAX_HEADER_LENGTH + extra, "a");
        expect(parseAuthorizationHeader(header)).toEqual({ scheme: "invalid", reason: REASONS[0] });
      }),
      runs(200),
    );
  });
});
