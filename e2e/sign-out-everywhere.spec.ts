import { routes } from "@/lib/routes";
import { expect, screenshot, signIn, test, type Page } from "./support/fixtures";

const LOGIN_URL = /\/login(\?.*)?$/;

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto(routes.accessTokens);
  await expect(page).toHaveURL(LOGIN_URL);
  await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();
}

test("Profile > Sign out everywhere ends the session of another browser too", async ({
  page,
  browser,
  person,
}, testInfo) => {
  const elsewhere = await browser.newContext();
  try {
    const otherPage = await elsewhere.newPage();
    await signIn(otherPage, person);
    await signIn(page, person);
    await page.goto("/preferences/profile");
    await expect(page.getByText("You have 2 active sessions: this browser and 1 more.")).toBeVisible();
    await screenshot(page, testInfo, "profile-sessions");

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(LOGIN_URL);
    await expectSignedOut(page);
    await expectSignedOut(otherPage);
  } finally {
    await elsewhere.close();
  }
});

test("a password change on Profile ends the other browser's session, not this one", async ({
  page,
  browser,
  person,
}) => {
  const elsewhere = await browser.newContext();
  try {
    const otherPage = await elsewhere.newPage();
    await signIn(otherPage, person);
    await signIn(page, person);
    await page.goto("/preferences/profile");
    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password", { exact: true }).fill(`${person.password}-new`);
    await page.getByLabel("Confirm new password").fill(`${person.password}-new`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toHaveText(/^Password changed\./);

    await expectSignedOut(otherPage);
    await page.reload();
    await expect(page.getByText("This browser is your only active session.")).toBeVisible();
    await page.goto(routes.accessTokens);
    await expect(page.getByRole("heading", { name: "Access Tokens", level: 2 })).toBeVisible();
  } finally {
    await elsewhere.close();
  }
});
