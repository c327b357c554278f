import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { rateLimitConfig } from "./config";

describe("rateLimitConfig", () => {
  it("has production defaults, with a short cap on an account's block", () => {
    const config = rateLimitConfig(parseEnv({}));
    expect(config.passwordAccount).toEqual({
      freeFailures: 5,
      windowSeconds: 900,
      baseBlockSeconds: 30,
      maxBlockSeconds: 300,
    });
    expect(config.passwordAddress.maxBlockSeconds).toBe(3600);
    expect(config.revokePerMinute).toBe(30);
  });

  it("reads RATE_LIMIT_*, and a value that is not a positive whole number stops start-up naming it", () => {
    const config = rateLimitConfig(parseEnv({ RATE_LIMIT_ACCOUNT_FAILURES: "2" }));
    expect(config.passwordAccount.freeFailures).toBe(2);
    expect(config.passwordAccount.baseBlockSeconds).toBe(30);
    expect(() => parseEnv({ RATE_LIMIT_BLOCK_SECONDS: "-1" })).toThrow(
      /^RATE_LIMIT_BLOCK_SECONDS must be a whole number/,
    );
    expect(rateLimitConfig(parseEnv({ RATE_LIMIT_REVOKE_PER_MINUTE: "5" })).revokePerMinute).toBe(5);
  });
});
