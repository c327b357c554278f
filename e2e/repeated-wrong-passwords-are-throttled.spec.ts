import { parseEnv } from "../lib/env";
import { rateLimitConfig } from "../lib/rate-limit/config";
import { E2E_SERVER_ENV } from "../playwright.config";
import { expect, submitLogin, test } from "./support/fixtures";

// Its own made-up address (the server trusts X-Forwarded-For here, as behind a proxy) and account, so these failures count against nobody the other specs sign in as.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.77" } });

const ACCOUNT_FAILURES = rateLimitConfig(parseEnv(E2E_SERVER_ENV)).passwordAccount.freeFailures;

test("repeated wrong passwords in the sign-in form lead to a Too many attempts message", async ({ page }) => {
  const email = `guessed-${Date.now()}@example.test`;
  const incorrect = page.getByRole("alert").filter({ hasText: "Incorrect email or password" });
  for (let i = 0; i < ACCOUNT_FAILURES; i++) {
    await submitLogin(page, email, `wrong-${i}`);
    await expect(incorrect).toBeVisible();
  }
  await submitLogin(page, email, "wrong-again");
  const tooMany = page.getByRole("alert").filter({ hasText: "Too many attempts" });
  await expect(tooMany).toHaveText(/^Too many attempts; try again in \d+ seconds$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});
