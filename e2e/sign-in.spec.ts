import { routes } from "@/lib/routes";
import { E2E_ADMIN, expect, signIn, submitLogin, test } from "./support/fixtures";

const LOGIN_URL = /\/login(\?.*)?$/;

test("a wrong password shows a clear inline message and stays on the sign-in page", async ({ page }) => {
  await submitLogin(page, E2E_ADMIN.email, "not-the-password");
  // Next.js keeps its own (empty) role="alert" route announcer in the page, so look for the message itself.
  const message = page.getByRole("alert").filter({ hasText: "Incorrect email or password" });
  await expect(message).toBeVisible();
  await expect(message).toHaveText("Incorrect email or password, or the account is disabled.");
  await expect(page).toHaveURL(LOGIN_URL);
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("an empty form asks for email and password without calling the server", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email and password.")).toBeVisible();
  await expect(page).toHaveURL(LOGIN_URL);
});

test("a correct sign-in lands on the Access Tokens page", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page).toHaveTitle(/Access Tokens/);
  await expect(page.getByRole("button", { name: "Generate New Token" })).toBeEnabled();
});

test("a signed-out visit to the Access Tokens page goes to the sign-in page", async ({ page }) => {
  await page.goto(routes.accessTokens);
  await expect(page).toHaveURL(LOGIN_URL);
  await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate New Token" })).toHaveCount(0);
});

test("Sign out from the User menu returns to the sign-in page and ends the session", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(LOGIN_URL);
  await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();

  await page.goto(routes.accessTokens);
  await expect(page).toHaveURL(LOGIN_URL);
  await page.goBack();
  await page.reload();
  await expect(page).toHaveURL(LOGIN_URL);
});
