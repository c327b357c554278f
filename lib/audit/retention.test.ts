import { describe, expect, it } from "vitest";
import { retentionCutoff } from "./retention";

describe("retentionCutoff", () => {
  const now = new Date("2026-06-30T12:00:00.000Z");

  it("is the given number of days before now", () => {
    expect(retentionCutoff(now, 30)?.toISOString()).toBe("2026-05-31T12:00:00.000Z");
    expect(retentionCutoff(now, 1)?.toISOString()).toBe("2026-06-29T12:00:00.000Z");
  });

  it("is null when events are kept forever", () => {
    expect(retentionCutoff(now, 0)).toBeNull();
  });
});
