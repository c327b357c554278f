import { describe, expect, it } from "vitest";
import { rateLimitConfig } from "./config";

describe("rateLimitConfig", () => {
  it("has production defaults, with a short cap on an account's block", () => {
    const config = rateLimitConfig({});
    expect(config.passwordAccount).toEqual({
      freeFailures: 5,
      windowSeconds: 900,
      baseBlockSeconds: 30,
      maxBlockSeconds: 300,
    });
    expect(config.passwordAddress.maxBlockSeconds).toBe(3600);
    expect(config.revokePerMinute).toBe(30);
  });

  it("reads RATE_LIMIT_* and ignores values that are not positive numbers", () => {
    const config = rateLimitConfig({ RATE_LIMIT_ACCOUNT_FAILURES: "2", RATE_LIMIT_BLOCK_SECONDS: "-1" });
    expect(config.passwordAccount.freeFailures).toBe(2);
    expect(config.passwordAccount.baseBlockSeconds).toBe(30);
    expect(rateLimitConfig({ RATE_LIMIT_REVOKE_PER_MINUTE: "5" }).revokePerMinute).toBe(5);
  });
});
