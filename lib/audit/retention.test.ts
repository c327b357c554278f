import { describe, expect, it } from "vitest";
import { auditRetentionDays, DEFAULT_RETENTION_DAYS, retentionCutoff } from "./retention";

describe("auditRetentionDays", () => {
  it("defaults to 180 days", () => {
    expect(auditRetentionDays({})).toBe(DEFAULT_RETENTION_DAYS);
    expect(auditRetentionDays({ AUDIT_RETENTION_DAYS: " " })).toBe(180);
  });

  it("reads a whole number of days, 0 meaning forever", () => {
    expect(auditRetentionDays({ AUDIT_RETENTION_DAYS: "30" })).toBe(30);
    expect(auditRetentionDays({ AUDIT_RETENTION_DAYS: "0" })).toBe(0);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["-1", "1.5", "ten", "99999"]) {
      expect(() => auditRetentionDays({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
    }
  });
});

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
