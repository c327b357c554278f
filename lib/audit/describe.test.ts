import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./describe";

describe("describeAuditDetails", () => {
  it("says how a token was created and for how long", () => {
    expect(describeAuditDetails("token.created", { method: "password", lifetimeSeconds: 2_592_000 })).toBe(
      "With a password; lifetime 30 days",
    );
    expect(describeAuditDetails("token.created", { method: "session", lifetimeSeconds: -1 })).toBe(
      "With the web app; never expires",
    );
    expect(describeAuditDetails("token.created", { method: "token", lifetimeSeconds: 3600 })).toBe(
      "With a token; lifetime 1 hour",
    );
  });

  it("lists each changed field before and after", () => {
    const details = { before: { isAdmin: false, name: "A" }, after: { isAdmin: true, name: "B" } };
    expect(describeAuditDetails("person.changed", details)).toBe('isAdmin: false → true; name: "A" → "B"');
  });

  it("says what was blocked and why", () => {
    expect(
      describeAuditDetails("auth.throttled", {
        dimension: "password-account",
        keyKind: "account",
        account: "a@example.test",
        blockSeconds: 30,
      }),
    ).toBe("The account a@example.test was blocked for 30 s after wrong passwords");
    expect(
      describeAuditDetails("auth.throttled", { dimension: "token-address", keyKind: "address", blockSeconds: 60 }),
    ).toBe("The address was blocked for 60 s after invalid tokens");
  });

  it("says why sessions ended and how many", () => {
    expect(describeAuditDetails("person.sessions_ended", { reason: "signed_out_everywhere", count: 3 })).toBe(
      "Signed out everywhere: 3 sessions ended",
    );
    expect(describeAuditDetails("person.sessions_ended", { reason: "password_changed", count: 1 })).toBe(
      "By a password change: 1 session ended",
    );
    expect(describeAuditDetails("person.sessions_ended", { reason: "disabled", count: 2 })).toBe(
      "By disabling the account: 2 sessions ended",
    );
  });
});
