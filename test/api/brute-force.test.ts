// Brute force: wrong passwords and invalid tokens are throttled per address and per account (429 with
// Retry-After), valid tokens are never throttled, and an account's owner is not locked out by its block.
// The shared test server runs with TRUST_PROXY=true (as behind a proxy), so X-Forwarded-For names the client:
// each test takes its own made-up addresses and never shares counts with the other files, which call from
// 127.0.0.1. (deployment.test.ts shows that without TRUST_PROXY the header is not believed.)
import { describe, expect, it } from "vitest";
import {
  api,
  bearer,
  createUserWithToken,
  expectError,
  expectUnauthorized,
  sleep,
  uniqueAddress,
  uniqueEmail,
  type ApiResponse,
} from "./support/client";
import { basicLogin, limits } from "./support/password-attempts";

const ACCOUNT_FAILURES = limits.passwordAccount.freeFailures;
const ADDRESS_FAILURES = limits.passwordAddress.freeFailures;
const TOKEN_FAILURES = limits.tokenAddress.freeFailures;

// As a proxy chain: the server counts against the last entry, the one the trusted proxy added.
function address(): string {
  return `198.51.100.7, ${uniqueAddress()}`;
}

function expectTooMany(response: ApiResponse): number {
  expectError(response, 429, "too_many_attempts", "Too many attempts");
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${retryAfter}`).toBe(true);
  return retryAfter;
}

describe("wrong passwords on POST /v4/apiAccessTokens", () => {
  it("block the account with 429 and Retry-After for the guessing address, while its owner gets in from elsewhere", async () => {
    const user = await createUserWithToken("brute-account");
    const attacker = address();
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      expectUnauthorized(await basicLogin(user.email, "wrong-password", attacker), "invalid_credentials");
    }
    const retryAfter = expectTooMany(await basicLogin(user.email, "wrong-password", attacker));
    // From the guessing address even the right password is refused, before it is checked at all.
    expectTooMany(await basicLogin(user.email, user.password, attacker));
    // The owner, from an address that has not been guessing, is not locked out.
    const owner = await basicLogin(user.email, user.password, address());
    expect(owner.status, owner.text).toBe(201);

    // Once the block ends, the guessing address has its free failures again: a block does not last forever.
    await sleep(retryAfter * 1000 + 200);
    expectUnauthorized(await basicLogin(user.email, "wrong-password", attacker), "invalid_credentials");
  });

  it("block an address that guesses at many accounts, and only that address", async () => {
    const attacker = address();
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      expectUnauthorized(await basicLogin(uniqueEmail("nobody"), "guess", attacker), "invalid_credentials");
    }
    expectTooMany(await basicLogin(uniqueEmail("nobody"), "guess", attacker));
    expectUnauthorized(await basicLogin(uniqueEmail("nobody"), "guess", address()), "invalid_credentials");
  });
});

describe("invalid tokens", () => {
  it("block the address with 429 and Retry-After, while its valid tokens keep working", async () => {
    const user = await createUserWithToken("brute-token");
    const from = address();
    const invalidValues = ["not-a-token", `${user.token.tokenValue.slice(0, -4)}AAAA`];
    for (let i = 0; i < TOKEN_FAILURES; i++) {
      const response = await api("GET", "/v4/apiAccessTokens", {
        auth: bearer(invalidValues[i % invalidValues.length]),
        headers: { "X-Forwarded-For": from },
      });
      expectUnauthorized(response, "invalid_token");
    }
    const blocked = await api("GET", "/v4/apiAccessTokens", {
      auth: bearer("not-a-token"),
      headers: { "X-Forwarded-For": from },
    });
    expectTooMany(blocked);

    const valid = await api("GET", "/v4/apiAccessTokens", {
      auth: bearer(user.token),
      headers: { "X-Forwarded-For": from },
    });
    expect(valid.status, valid.text).toBe(200);
    // Another address is not affected.
    expectUnauthorized(
      await api("GET", "/v4/apiAccessTokens", {
        auth: bearer("not-a-token"),
        headers: { "X-Forwarded-For": address() },
      }),
      "invalid_token",
    );
  });
});
