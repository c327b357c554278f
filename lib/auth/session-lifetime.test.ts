import { describe, expect, it } from "vitest";
import { isSessionLive, newSessionExpiry, renewedIdleExpiry, SESSION_IDLE_SECONDS } from "./session-lifetime";

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe("session expiry", () => {
  it("a new session ends at its absolute lifetime, its cookie after the idle time", () => {
    expect(newSessionExpiry(at(0), 7 * 86_400)).toEqual({ expiresAt: at(7 * 86_400), idleExpiresAt: at(86_400) });
    expect(SESSION_IDLE_SECONDS).toBe(86_400);
  });

  it("renewing never moves the idle end past the absolute end", () => {
    expect(renewedIdleExpiry(at(100), at(7 * 86_400))).toEqual(at(100 + 86_400));
    expect(renewedIdleExpiry(at(6.5 * 86_400), at(7 * 86_400))).toEqual(at(7 * 86_400));
    expect(newSessionExpiry(at(0), 60)).toEqual({ expiresAt: at(60), idleExpiresAt: at(60) });
  });

  it("a session is live until it is ended or either end passes", () => {
    const session = { endedAt: null, expiresAt: at(100), idleExpiresAt: at(50) };
    expect(isSessionLive(session, at(49))).toBe(true);
    expect(isSessionLive(session, at(50))).toBe(false);
    expect(isSessionLive({ ...session, idleExpiresAt: at(200) }, at(100))).toBe(false);
    expect(isSessionLive({ ...session, endedAt: at(10) }, at(20))).toBe(false);
  });
});
