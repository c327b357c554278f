import { describe, expect, it } from "vitest";
import { parseAuthorizationHeader } from "./authorization-header";

const basic = (userPass: string): string => `Basic ${Buffer.from(userPass, "utf8").toString("base64")}`;
const TOKEN = "tsr_0123456789ABCDEF_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ123456";

describe("parseAuthorizationHeader", () => {
  it("reports no credentials for a missing, empty or blank header", () => {
    expect(parseAuthorizationHeader(null)).toEqual({ scheme: "none" });
    expect(parseAuthorizationHeader("")).toEqual({ scheme: "none" });
    expect(parseAuthorizationHeader("   ")).toEqual({ scheme: "none" });
    expect(parseAuthorizationHeader("\t")).toEqual({ scheme: "none" });
  });

  it("reads a Bearer token", () => {
    expect(parseAuthorizationHeader(`Bearer ${TOKEN}`)).toEqual({ scheme: "bearer", token: TOKEN });
  });

  it("treats the scheme name case-insensitively", () => {
    for (const scheme of ["bearer", "BEARER", "bEaReR"]) {
      expect(parseAuthorizationHeader(`${scheme} ${TOKEN}`)).toEqual({ scheme: "bearer", token: TOKEN });
    }
    expect(parseAuthorizationHeader(basic("a@example.com:secret12")).scheme).toBe("basic");
    expect(parseAuthorizationHeader(basic("a@example.com:secret12").replace("Basic", "BASIC")).scheme).toBe("basic");
  });

  it("keeps the token exactly as sent, without case changes", () => {
    const result = parseAuthorizationHeader("Bearer AbC");
    expect(result).toEqual({ scheme: "bearer", token: "AbC" });
  });

  it("tolerates extra spaces around and between the two parts", () => {
    expect(parseAuthorizationHeader(`  Bearer    ${TOKEN}  `)).toEqual({ scheme: "bearer", token: TOKEN });
    expect(parseAuthorizationHeader(`Bearer\t${TOKEN}`)).toEqual({ scheme: "bearer", token: TOKEN });
  });

  it("refuses a header with three parts", () => {
    const result = parseAuthorizationHeader(`Bearer ${TOKEN} extra`);
    expect(result.scheme).toBe("invalid");
    expect(parseAuthorizationHeader("Bearer a b").scheme).toBe("invalid");
  });

  it("refuses a scheme without a value", () => {
    expect(parseAuthorizationHeader("Bearer").scheme).toBe("invalid");
    expect(parseAuthorizationHeader("Bearer ").scheme).toBe("invalid");
    expect(parseAuthorizationHeader("Basic").scheme).toBe("invalid");
    expect(parseAuthorizationHeader(TOKEN).scheme).toBe("invalid");
  });

  it("reads Basic email:password", () => {
    expect(parseAuthorizationHeader(basic("ada@example.com:correct horse"))).toEqual({
      scheme: "basic",
      email: "ada@example.com",
      password: "correct horse",
    });
  });

  it("splits Basic credentials at the first colon, so a password may contain colons", () => {
    expect(parseAuthorizationHeader(basic("ada@example.com:pa:ss:word:"))).toEqual({
      scheme: "basic",
      email: "ada@example.com",
      password: "pa:ss:word:",
    });
  });

  it("decodes non-ASCII Basic credentials as UTF-8", () => {
    expect(parseAuthorizationHeader(basic("zoë@example.com:pässwörd"))).toEqual({
      scheme: "basic",
      email: "zoë@example.com",
      password: "pässwörd",
    });
  });

  it("keeps an empty password, for the password check to refuse", () => {
    expect(parseAuthorizationHeader(basic("ada@example.com:"))).toEqual({
      scheme: "basic",
      email: "ada@example.com",
      password: "",
    });
  });

  it("refuses Basic credentials without a colon or with an empty email", () => {
    for (const header of [basic("ada@example.com"), basic(":password"), basic(":")]) {
      const result = parseAuthorizationHeader(header);
      expect(result, header).toEqual({ scheme: "invalid", reason: "Basic credentials must be base64(email:password)" });
    }
  });

  it("refuses Basic credentials that are not base64", () => {
    for (const value of ["!!!", "a@b.c:pw", "YWJj=ZGVm", "YWJj===", "YW-J_"]) {
      const result = parseAuthorizationHeader(`Basic ${value}`);
      expect(result.scheme, value).toBe("invalid");
    }
  });

  it("refuses an unknown scheme and says to use Bearer", () => {
    for (const header of ["Digest abc", "Token abc", "ApiKey abc", "Bearer: abc"]) {
      const result = parseAuthorizationHeader(header);
      expect(result.scheme, header).toBe("invalid");
      if (result.scheme === "invalid") expect(result.reason).toContain("Bearer <token>");
    }
  });

  it("refuses an overly long header before looking inside it", () => {
    const long = `Bearer ${"a".repeat(5000)}`;
    expect(parseAuthorizationHeader(long)).toEqual({
      scheme: "invalid",
      reason: "The Authorization header is too long",
    });
    const longBasic = basic(`ada@example.com:${"p".repeat(4000)}`);
    expect(parseAuthorizationHeader(longBasic).scheme).toBe("invalid");
  });

  it("accepts a header of exactly the maximum length", () => {
    const header = `Bearer ${"a".repeat(4096 - "Bearer ".length)}`;
    expect(header).toHaveLength(4096);
    expect(parseAuthorizationHeader(header).scheme).toBe("bearer");
  });
});
