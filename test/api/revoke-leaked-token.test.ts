// POST /v4/apiAccessTokens/revoke: anyone holding a leaked value can revoke it, and learns nothing else.
import { describe, expect, test } from "vitest";
import { TEST_REVOKE_PER_MINUTE } from "../support/server";
import { api, bearer, createUserWithToken, expectError, expectUnauthorized, uniqueAddress } from "./support/client";

const REVOKE = "/v4/apiAccessTokens/revoke";

describe("revoking a leaked token by its value", () => {
  test("needs no credentials, and the token is refused on the next request", async () => {
    const { token } = await createUserWithToken("leaked");
    const revoked = await api("POST", REVOKE, { json: { tokenValue: token.tokenValue } });
    expect(revoked.status).toBe(202);
    expect(revoked.body).toEqual({ status: "accepted" });
    expect(revoked.headers.get("cache-control")).toBe("no-store");
    expectUnauthorized(await api("GET", "/v4/apiAccessTokens", { auth: bearer(token) }), "invalid_token");
  });

  test("answers identically for a revoked, an unknown, a tampered and a malformed value", async () => {
    const { token } = await createUserWithToken("leaked-twice");
    const other = await createUserWithToken("bystander");
    await api("POST", REVOKE, { json: { tokenValue: token.tokenValue } });
    const id = other.token.tokenInfo.tokenId;
    // The bystander's token id with someone else's secret: must not revoke the bystander's token.
    const tampered = token.tokenValue.replace(token.tokenInfo.tokenId, id);
    const answers = [];
    for (const tokenValue of [token.tokenValue, tampered, "tsr_" + "A".repeat(66), "not a token", ""]) {
      const response = await api("POST", REVOKE, { json: { tokenValue } });
      answers.push({ status: response.status, text: response.text, type: response.headers.get("content-type") });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 202, text: '{"status":"accepted"}' });
    expect((await api("GET", "/v4/apiAccessTokens", { auth: bearer(other.token) })).status).toBe(200);
  });

  test("rejects bodies that are not {tokenValue: string}", async () => {
    expectError(await api("POST", REVOKE, { json: {} }), 400, "invalid_request", "tokenValue");
    expectError(await api("POST", REVOKE, { json: { tokenValue: 42 } }), 400, "invalid_request", "tokenValue");
    const text = await api("POST", REVOKE, { body: "tokenValue=x", headers: { "Content-Type": "text/plain" } });
    expect(text.status).toBe(415);
    expect((await api("POST", REVOKE, { json: { tokenValue: "x".repeat(20_000) } })).status).toBe(413);
    expect((await api("GET", REVOKE)).status).toBe(405);
  });

  test("is rate-limited per address: every request counts, found or not", async () => {
    const from = (address: string) => ({
      json: { tokenValue: "not a token" },
      headers: { "X-Forwarded-For": address },
    });
    const [limited, other] = [uniqueAddress(), uniqueAddress()];
    // The test server's RATE_LIMIT_REVOKE_PER_MINUTE, sent in batches of 20.
    for (let sent = 0; sent < TEST_REVOKE_PER_MINUTE; sent += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => api("POST", REVOKE, from(limited))));
      expect(batch.map((response) => response.status)).toEqual(Array(20).fill(202));
    }
    const refused = await api("POST", REVOKE, from(limited));
    expectError(refused, 429, "too_many_attempts", "Too many attempts");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api("POST", REVOKE, from(other))).status).toBe(202);
  });
});
