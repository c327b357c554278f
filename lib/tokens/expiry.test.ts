import { describe, expect, test } from "vitest";
import { expiresSoon } from "./expiry";

const now = new Date("2030-01-10T12:00:00.000Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe("expiresSoon", () => {
  test("flags a token that expires within seven days", () => {
    expect(expiresSoon(inDays(3), now)).toBe(true);
    expect(expiresSoon(inDays(7), now)).toBe(true);
  });

  test("does not flag a later, a non-expiring or an already expired token", () => {
    expect(expiresSoon(inDays(7.01), now)).toBe(false);
    expect(expiresSoon(inDays(30), now)).toBe(false);
    expect(expiresSoon(null, now)).toBe(false);
    expect(expiresSoon(inDays(-1), now)).toBe(false);
    expect(expiresSoon(now, now)).toBe(false);
  });
});
