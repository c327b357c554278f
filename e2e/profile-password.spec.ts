import { parseEnv } from "../lib/env";
import { rateLimitConfig } from "../lib/rate-limit/config";
import { E2E_SERVER_ENV } from "../playwright.config";
import { expect, signIn, submitLogin, test, type Page } from "./support/fixtures";

const ACCOUNT_FAILURES = rateLimitConfig(parseEnv(E2E_SERVER_ENV)).passwordAccount.freeFailures;

async function changePassword(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(confirm);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("changing the password: inline messages for mistakes, success, tokens keep working", async ({
  page,
  api,
  person,
}) => {
  const token = await api.createToken({ basic: person }, 86_400, "made before the change");
  await signIn(page, person);
  await page.getByRole("navigation", { name: "Preferences" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password", { exact: true });
  const confirm = page.getByLabel("Confirm new password");
  const newPassword = `${person.password}-new`;

  await changePassword(page, "not-my-password", newPassword);
  await expect(current).toHaveAccessibleDescription("This is not your current password");
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This is not your current password")).toBeVisible();

  await changePassword(page, person.password, newPassword, `${newPassword}-typo`);
  await expect(confirm).toHaveAccessibleDescription("The passwords do not match");
  await expect(current).not.toHaveAttribute("aria-invalid", "true");

  await changePassword(page, person.password, "short");
  await expect(next).toHaveAccessibleDescription(/must be at least 8 characters/);
  await expect(page.getByText("New password must be at least 8 characters")).toBeVisible();

  await changePassword(page, "", newPassword);
  await expect(current).toHaveAccessibleDescription("Enter your current password");
  // None of the mistakes changed anything.
  expect((await api.call("POST", "/v4/apiAccessTokens", { basic: person }, { lifetimeSeconds: 60 })).status).toBe(201);

  await changePassword(page, person.password, newPassword);
  await expect(page.getByRole("status")).toHaveText(
    "Password changed. Your access tokens keep working; your other sessions have ended.",
  );
  await expect(current).toHaveValue("");
  await expect(next).toHaveValue("");
  await expect(current).not.toHaveAttribute("aria-invalid", "true");

  // Tokens are independent of the password, as the seed says.
  const me = await api.currentPerson(token.tokenValue);
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ email: person.email });
  const oldBasic = { basic: { email: person.email, password: person.password } };
  expect((await api.call("POST", "/v4/apiAccessTokens", oldBasic, { lifetimeSeconds: 60 })).status).toBe(401);

  await page.context().clearCookies();
  await submitLogin(page, person.email, person.password);
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password" })).toBeVisible();
  await signIn(page, { email: person.email, password: newPassword });
});

test.describe("wrong current passwords", () => {
  // Its own made-up addresses (the server trusts X-Forwarded-For here, as behind a proxy), so these failures
  // count against nobody the other specs sign in as; the account is this test's own person.
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.88" } });

  test("repeated wrong current passwords lead to a Too many attempts message under the field", async ({
    page,
    person,
  }) => {
    await signIn(page, person);
    // Guessed with the session from an address the person never signed in from (a stolen session, say): an
    // address they did sign in from is never refused for the account's sake, only by its own address limit.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "192.0.2.89" });
    await page.goto("/preferences/profile");
    const current = page.getByLabel("Current password");
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      await changePassword(page, `not-my-password-${i}`, `${person.password}-new`);
      await expect(current).toHaveAccessibleDescription("This is not your current password");
    }
    await changePassword(page, "not-my-password-again", `${person.password}-new`);
    await expect(current).toHaveAccessibleDescription(/^Too many attempts; try again in \d+ seconds$/);
    await expect(page.getByRole("button", { name: "Change password" })).toBeEnabled();
  });
});
