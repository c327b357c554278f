import { describe, expect, it } from "vitest";
import { auditSource, USER_AGENT_MAX_LENGTH } from "./source";

const headers = (init: Record<string, string>) => new Headers(init);

describe("auditSource", () => {
  it("takes the address and user agent from the request, and how it was authenticated", () => {
    const source = auditSource(headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "curl/8.5" }), {
      via: "token",
      tokenId: "AbCdEfGhIjKlMnOp",
    });
    expect(source).toEqual({
      method: "token",
      tokenId: "AbCdEfGhIjKlMnOp",
      sessionId: null,
      clientAddress: "203.0.113.9",
      userAgent: "curl/8.5",
    });
  });

  it("is anonymous without authentication, and has no token id but for a token, no session id but for a session", () => {
    expect(auditSource(headers({}), null, false)).toEqual({
      method: "anonymous",
      tokenId: null,
      sessionId: null,
      clientAddress: "unknown",
      userAgent: "",
    });
    const session = auditSource(headers({}), { via: "session", sessionId: "a-session" }, false);
    expect(session).toMatchObject({ method: "session", tokenId: null, sessionId: "a-session" });
  });

  it("replaces characters that would disguise the user agent where it is shown", () => {
    const source = auditSource(headers({ "user-agent": "curl\u0085/8\u00ad.5 \u00e9" }), null, false);
    expect(source.userAgent).toBe("curl\ufffd/8\ufffd.5 \u00e9");
  });

  it("cuts a long user agent", () => {
    const source = auditSource(headers({ "user-agent": "x".repeat(5000) }), { via: "password" });
    expect(source.userAgent).toHaveLength(USER_AGENT_MAX_LENGTH);
  });
});
