// Security headers on pages and API responses, the session cookie's flags, and the token expiry header.
import { describe, expect, test } from "vitest";
import { credentialsForm } from "../support/credentials-form";
import { admin, adminSession, api, baseUrl, bearer, createToken, type ApiResponse } from "./support/client";

function expectCommonHeaders(response: ApiResponse): void {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("referrer-policy")).toBe("same-origin");
  expect(response.headers.get("permissions-policy")).toContain("camera=()");
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
}

function nonceOf(response: ApiResponse): string {
  const csp = response.headers.get("content-security-policy") ?? "";
  const match = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
  expect(match, csp).not.toBeNull();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  return match?.[1] ?? "";
}

describe("security headers", () => {
  test("/login has a fresh script nonce per response, used on its scripts", async () => {
    const first = await api<string>("GET", "/login");
    const second = await api<string>("GET", "/login");
    expect(first.status).toBe(200);
    expectCommonHeaders(first);
    const nonce = nonceOf(first);
    expect(nonceOf(second)).not.toBe(nonce);
    expect(first.body).toContain(`nonce="${nonce}"`);
  });

  test("a signed-in page carries the nonce CSP and the other headers", async () => {
    const session = await adminSession();
    const response = await api<string>("GET", "/preferences/access-tokens", { auth: session });
    expect(response.status).toBe(200);
    expectCommonHeaders(response);
    nonceOf(response);
  });

  test("an unknown page's 404 is rendered with the nonce too", async () => {
    const response = await api<string>("GET", "/no-such-page");
    expect(response.status).toBe(404);
    expectCommonHeaders(response);
    expect(response.body).toContain(`nonce="${nonceOf(response)}"`);
  });

  test("API responses, errors and next-auth allow no content at all", async () => {
    const token = await createToken({ basic: admin() });
    for (const response of [
      await api("GET", "/v4/apiAccessTokens", { auth: bearer(token) }),
      await api("GET", "/v4/apiAccessTokens"),
      await api("GET", "/api/auth/csrf"),
      await api("GET", "/healthz"),
    ]) {
      expectCommonHeaders(response);
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});

describe("the session cookie", () => {
  test("is HttpOnly and SameSite=Lax, and not Secure over plain http", async () => {
    const callback = await (await credentialsForm(baseUrl()))(admin().email, admin().password);
    const session = callback.headers.getSetCookie().find((line) => line.startsWith("next-auth.session-token="));
    expect(session, "no session cookie").toBeDefined();
    const flags = (session ?? "").split(";").map((part) => part.trim().toLowerCase());
    expect(flags).toContain("httponly");
    expect(flags).toContain("samesite=lax");
    expect(flags).toContain("path=/");
    // NEXTAUTH_URL is http here; behind https next-auth names it __Secure-next-auth.session-token and adds Secure.
    expect(flags).not.toContain("secure");
  });
});
