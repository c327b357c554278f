import { parseEnv } from "../lib/env";
import { rateLimitConfig } from "../lib/rate-limit/config";
import { E2E_SERVER_ENV } from "../playwright.config";
import { E2E_ADMIN, expect, signIn, test } from "./support/fixtures";

// The browser's own made-up address (the server trusts X-Forwarded-For here, as behind a proxy); the guesses
// come from another one.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.91" } });

const ACCOUNT_FAILURES = rateLimitConfig(parseEnv(E2E_SERVER_ENV)).passwordAccount.freeFailures;

async function guess(baseURL: string, email: string, attempt: number): Promise<number> {
  const response = await fetch(new URL("/v4/apiAccessTokens", baseURL), {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${email}:wrong-guess-${attempt}`).toString("base64")}`,
      "Content-Type": "application/json",
      "X-Forwarded-For": "198.51.100.66",
    },
    body: JSON.stringify({ lifetimeSeconds: 60 }),
  });
  return response.status;
}

test("an account under attack still lets its owner sign in, and Admin > People shows it under attack", async ({
  page,
  api,
  person,
  baseURL,
}) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const bystander = await api.createPerson();
  const statuses: number[] = [];
  for (let i = 0; i <= ACCOUNT_FAILURES; i++) statuses.push(await guess(baseURL, person.email, i));
  expect(statuses.at(-1)).toBe(429);

  // The owner, from a browser at another address, signs in while the account is blocked for the guesser.
  await signIn(page, person);

  await page.context().clearCookies();
  await signIn(page, E2E_ADMIN);
  await page.goto("/admin/people");
  const row = (email: string) => page.getByRole("row").filter({ hasText: email });
  const badge = row(person.email).getByText("Under attack", { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAccessibleDescription(/^Wrong passwords got this account blocked at .+ UTC/);
  await expect(row(bystander.email).getByText("Under attack")).toHaveCount(0);
});
