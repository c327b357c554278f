import { describe, expect, it } from "vitest";
import {
  DAY_SECONDS,
  effectiveExpiry,
  generateDenial,
  generateDenialMessages,
  lifetimeProblem,
  maxLifetimeSeconds,
  NON_EXPIRING,
  policyCutoff,
  tokenStatus,
  type TokenHolder,
  type TokenPolicy,
  type TokenTimes,
} from "./policy";

const DAY_MS = DAY_SECONDS * 1000;

const defaults: TokenPolicy = {
  apiAccessTokensEnabled: true,
  usersCanGenerateApiAccessTokens: false,
  maxUserTokenLifetimeDays: 365,
};
const policy = (overrides: Partial<TokenPolicy> = {}): TokenPolicy => ({ ...defaults, ...overrides });

const plainUser: TokenHolder = { isAdmin: false, isDisabled: false, canGenerateApiAccessTokens: false };
const user = (overrides: Partial<TokenHolder> = {}): TokenHolder => ({ ...plainUser, ...overrides });
const admin = user({ isAdmin: true });

const created = new Date("2025-01-01T00:00:00.000Z");
const daysAfterCreation = (days: number): Date => new Date(created.getTime() + days * DAY_MS);
const token = (expiresAt: Date | null): TokenTimes => ({ createdAt: created, expiresAt });

describe("generateDenial", () => {
  it("lets an admin generate without any user-level flag", () => {
    expect(generateDenial(admin, policy())).toBeNull();
  });

  it("refuses a plain user unless the workspace or the user is allowed", () => {
    expect(generateDenial(plainUser, policy())).toBe("not_permitted");
  });

  it("lets a plain user generate when the workspace allows all users", () => {
    expect(generateDenial(plainUser, policy({ usersCanGenerateApiAccessTokens: true }))).toBeNull();
  });

  it("lets a plain user generate with individual access", () => {
    expect(generateDenial(user({ canGenerateApiAccessTokens: true }), policy())).toBeNull();
  });

  it("refuses a disabled user, admins and allowed users included", () => {
    const allowAll = policy({ usersCanGenerateApiAccessTokens: true });
    expect(generateDenial(user({ isDisabled: true }), allowAll)).toBe("user_disabled");
    expect(generateDenial(user({ isDisabled: true, isAdmin: true }), allowAll)).toBe("user_disabled");
    expect(generateDenial(user({ isDisabled: true, canGenerateApiAccessTokens: true }), allowAll)).toBe(
      "user_disabled",
    );
  });

  it("refuses everyone, admins included, when tokens are turned off for the workspace", () => {
    const off = policy({ apiAccessTokensEnabled: false, usersCanGenerateApiAccessTokens: true });
    expect(generateDenial(admin, off)).toBe("tokens_disabled");
    expect(generateDenial(user({ canGenerateApiAccessTokens: true }), off)).toBe("tokens_disabled");
    expect(generateDenial(user({ isDisabled: true }), off)).toBe("tokens_disabled");
  });

  it("has a message for a person for every denial", () => {
    for (const message of Object.values(generateDenialMessages)) expect(message.length).toBeGreaterThan(10);
  });
});

describe("tokenStatus", () => {
  const now = daysAfterCreation(10);

  it("is active before expiry for an owner who may generate", () => {
    expect(tokenStatus(token(daysAfterCreation(30)), admin, policy(), now)).toBe("active");
  });

  it("is expired from the expiry instant on", () => {
    const expiresAt = daysAfterCreation(10);
    expect(tokenStatus(token(expiresAt), admin, policy(), new Date(expiresAt.getTime() - 1))).toBe("active");
    expect(tokenStatus(token(expiresAt), admin, policy(), expiresAt)).toBe("expired");
    expect(tokenStatus(token(expiresAt), admin, policy(), new Date(expiresAt.getTime() + 1))).toBe("expired");
  });

  it("is blocked while the owner may not generate, and active again once they may", () => {
    const t = token(daysAfterCreation(30));
    expect(tokenStatus(t, plainUser, policy(), now)).toBe("blocked");
    expect(tokenStatus(t, user({ isDisabled: true, isAdmin: true }), policy(), now)).toBe("blocked");
    expect(tokenStatus(t, admin, policy({ apiAccessTokensEnabled: false }), now)).toBe("blocked");
    expect(tokenStatus(t, plainUser, policy({ usersCanGenerateApiAccessTokens: true }), now)).toBe("active");
    expect(tokenStatus(t, admin, policy({ apiAccessTokensEnabled: true }), now)).toBe("active");
  });

  it("reports expired rather than blocked when both apply", () => {
    const expired = token(daysAfterCreation(5));
    expect(tokenStatus(expired, plainUser, policy(), now)).toBe("expired");
    expect(tokenStatus(expired, admin, policy({ apiAccessTokensEnabled: false }), now)).toBe("expired");
    expect(tokenStatus(expired, admin, policy({ maxUserTokenLifetimeDays: 1 }), now)).toBe("expired");
  });

  it("blocks a token older than a lowered maximum lifetime, and restores it when the maximum is raised", () => {
    const t = token(daysAfterCreation(300));
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: 365 }), now)).toBe("active");
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: 7 }), now)).toBe("blocked");
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: 10 }), now)).toBe("blocked");
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: 11 }), now)).toBe("active");
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: NON_EXPIRING }), now)).toBe("active");
  });

  it("applies the maximum-lifetime cutoff at exactly createdAt + max days", () => {
    const t = token(null);
    const p = policy({ maxUserTokenLifetimeDays: 10 });
    const cutoff = daysAfterCreation(10);
    expect(policyCutoff(t, p)).toEqual(cutoff);
    expect(tokenStatus(t, admin, p, new Date(cutoff.getTime() - 1))).toBe("active");
    expect(tokenStatus(t, admin, p, cutoff)).toBe("blocked");
  });

  it("never expires a non-expiring token, but still blocks it under a limited maximum", () => {
    const t = token(null);
    const farFuture = daysAfterCreation(100 * 365);
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: NON_EXPIRING }), farFuture)).toBe("active");
    expect(policyCutoff(t, policy({ maxUserTokenLifetimeDays: NON_EXPIRING }))).toBeNull();
    expect(tokenStatus(t, admin, policy({ maxUserTokenLifetimeDays: 365 }), farFuture)).toBe("blocked");
    expect(tokenStatus(t, plainUser, policy({ maxUserTokenLifetimeDays: NON_EXPIRING }), farFuture)).toBe("blocked");
  });
});

describe("maxLifetimeSeconds", () => {
  it("is the maximum in days times 86400 seconds", () => {
    expect(maxLifetimeSeconds(policy({ maxUserTokenLifetimeDays: 1 }))).toBe(86_400);
    expect(maxLifetimeSeconds(policy({ maxUserTokenLifetimeDays: 365 }))).toBe(365 * 86_400);
  });

  it("is null when lifetimes are unlimited", () => {
    expect(maxLifetimeSeconds(policy({ maxUserTokenLifetimeDays: NON_EXPIRING }))).toBeNull();
  });
});

describe("lifetimeProblem", () => {
  const limited = policy({ maxUserTokenLifetimeDays: 30 });
  const unlimited = policy({ maxUserTokenLifetimeDays: NON_EXPIRING });

  it("accepts any lifetime up to and including the maximum", () => {
    expect(lifetimeProblem(1, limited)).toBeNull();
    expect(lifetimeProblem(30 * DAY_SECONDS, limited)).toBeNull();
  });

  it("refuses a lifetime over the maximum, saying the limit in days and seconds", () => {
    const problem = lifetimeProblem(30 * DAY_SECONDS + 1, limited);
    expect(problem).toMatch(/^must be at most /);
    expect(problem).toContain("30 days");
    expect(problem).toContain(`${30 * DAY_SECONDS} seconds`);
  });

  it("refuses a non-expiring token where the maximum is limited", () => {
    expect(lifetimeProblem(NON_EXPIRING, limited)).toBe(
      "non-expiring tokens are not allowed in this workspace (maximum 30 days)",
    );
  });

  it("allows a non-expiring token and any positive lifetime where lifetimes are unlimited", () => {
    expect(lifetimeProblem(NON_EXPIRING, unlimited)).toBeNull();
    expect(lifetimeProblem(36_500 * DAY_SECONDS, unlimited)).toBeNull();
  });
});

describe("effectiveExpiry", () => {
  it("is the token's own expiry while the workspace maximum ends it later, or never", () => {
    const t = token(daysAfterCreation(30));
    expect(effectiveExpiry(t, policy({ maxUserTokenLifetimeDays: 365 }))).toEqual({
      at: daysAfterCreation(30),
      limit: "lifetime",
    });
    expect(effectiveExpiry(t, policy({ maxUserTokenLifetimeDays: NON_EXPIRING }))).toEqual({
      at: daysAfterCreation(30),
      limit: "lifetime",
    });
  });

  it("is createdAt + the maximum once an admin lowers the maximum below the token's lifetime", () => {
    const t = token(daysAfterCreation(300));
    expect(effectiveExpiry(t, policy({ maxUserTokenLifetimeDays: 7 }))).toEqual({
      at: daysAfterCreation(7),
      limit: "workspace_maximum",
    });
  });

  it("counts a tie as the token's own lifetime, as tokenStatus then says expired", () => {
    const t = token(daysAfterCreation(10));
    const p = policy({ maxUserTokenLifetimeDays: 10 });
    expect(effectiveExpiry(t, p)).toEqual({ at: daysAfterCreation(10), limit: "lifetime" });
    expect(tokenStatus(t, admin, p, daysAfterCreation(10))).toBe("expired");
  });

  it("ends a non-expiring token at the workspace maximum, and never where lifetimes are unlimited", () => {
    expect(effectiveExpiry(token(null), policy({ maxUserTokenLifetimeDays: 30 }))).toEqual({
      at: daysAfterCreation(30),
      limit: "workspace_maximum",
    });
    expect(effectiveExpiry(token(null), policy({ maxUserTokenLifetimeDays: NON_EXPIRING }))).toEqual({
      at: null,
      limit: null,
    });
  });

  it("is the moment tokenStatus stops calling the token active", () => {
    for (const [expiresAt, days] of [
      [daysAfterCreation(300), 7],
      [daysAfterCreation(3), 7],
      [null, 7],
      [daysAfterCreation(3), NON_EXPIRING],
    ] as const) {
      const t = token(expiresAt);
      const p = policy({ maxUserTokenLifetimeDays: days });
      const { at } = effectiveExpiry(t, p);
      if (at === null) throw new Error("expected an end");
      expect(tokenStatus(t, admin, p, new Date(at.getTime() - 1))).toBe("active");
      expect(tokenStatus(t, admin, p, at)).not.toBe("active");
    }
  });
});

describe("lifetimeProblem for a token created with a token", () => {
  const limited = policy({ maxUserTokenLifetimeDays: 30 });
  const unlimited = policy({ maxUserTokenLifetimeDays: NON_EXPIRING });
  const sixtySeconds = token(new Date(created.getTime() + 60_000));

  it("allows at most the parent's own lifetime", () => {
    expect(lifetimeProblem(60, limited, sixtySeconds)).toBeNull();
    expect(lifetimeProblem(1, limited, sixtySeconds)).toBeNull();
    expect(lifetimeProblem(61, limited, sixtySeconds)).toBe(
      "must be at most 60 seconds: a token created with a token cannot live longer than that token's own lifetime",
    );
  });

  it("refuses a non-expiring token from an expiring parent, even where lifetimes are unlimited", () => {
    expect(lifetimeProblem(NON_EXPIRING, unlimited, sixtySeconds)).toMatch(/^must be at most 60 seconds: /);
    expect(lifetimeProblem(36_500 * DAY_SECONDS, unlimited, sixtySeconds)).toMatch(/^must be at most 60 seconds/);
  });

  it("lets a non-expiring parent create anything the workspace allows", () => {
    expect(lifetimeProblem(NON_EXPIRING, unlimited, token(null))).toBeNull();
    expect(lifetimeProblem(36_500 * DAY_SECONDS, unlimited, token(null))).toBeNull();
    expect(lifetimeProblem(NON_EXPIRING, limited, token(null))).toMatch(/^non-expiring tokens are not allowed/);
  });

  it("counts the parent's lifetime as the workspace maximum cuts it", () => {
    const longParent = token(daysAfterCreation(300));
    const sevenDays = policy({ maxUserTokenLifetimeDays: 7 });
    expect(lifetimeProblem(7 * DAY_SECONDS, sevenDays, longParent)).toBeNull();
    expect(lifetimeProblem(7 * DAY_SECONDS + 1, sevenDays, longParent)).toMatch(/^must be at most 7 days/);
    expect(lifetimeProblem(NON_EXPIRING, unlimited, token(null))).toBeNull();
  });

  it("is not limited without a parent (a password or the web session)", () => {
    expect(lifetimeProblem(30 * DAY_SECONDS, limited)).toBeNull();
    expect(lifetimeProblem(30 * DAY_SECONDS, limited, null)).toBeNull();
  });
});
