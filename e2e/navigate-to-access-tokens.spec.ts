import { routes } from "@/lib/routes";
import { expect, screenshot, signIn, test } from "./support/fixtures";

test("User menu > Preferences > Access Tokens reaches the page, with a Profile tab beside it", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  await signIn(page, person);

  // Start elsewhere, so the User menu has to do the navigating.
  await page.goto("/preferences/profile");
  await expect(page.getByRole("heading", { name: "Profile", level: 2 })).toBeVisible();

  const userMenu = page.getByRole("button", { name: "User menu" });
  await expect(userMenu).toContainText(person.email);
  await userMenu.click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.getByRole("menuitem", { name: "Preferences" }).click();
  await expect(page).toHaveURL(routes.accessTokens);
  await expect(page.getByRole("heading", { name: "Preferences", level: 1 })).toBeVisible();

  const tabs = page.getByRole("navigation", { name: "Preferences" });
  const accessTokensTab = tabs.getByRole("link", { name: "Access Tokens" });
  const profileTab = tabs.getByRole("link", { name: "Profile" });
  await expect(accessTokensTab).toHaveAttribute("aria-current", "page");
  await expect(profileTab).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Access Tokens", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate New Token" })).toBeEnabled();
  await expect(page.getByText("No access tokens yet")).toBeVisible();
  // The left navigation marks where we are too.
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access Tokens" }),
  ).toHaveAttribute("aria-current", "page");
  await screenshot(page, testInfo, "access-tokens-page");

  await profileTab.click();
  await expect(page).toHaveURL("/preferences/profile");
  await expect(profileTab).toHaveAttribute("aria-current", "page");
  await expect(accessTokensTab).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Profile", level: 2 })).toBeVisible();
  await expect(page.getByText(`${person.name} · ${person.email}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await screenshot(page, testInfo, "profile-page");

  await accessTokensTab.click();
  await expect(page).toHaveURL(routes.accessTokens);
  await expect(page.getByRole("heading", { name: "Access Tokens", level: 2 })).toBeVisible();
});

test("/preferences and / both lead to the Access Tokens page", async ({ page, api }) => {
  const person = await api.createPerson();
  await signIn(page, person);
  await page.goto("/preferences");
  await expect(page).toHaveURL(routes.accessTokens);
  await page.goto("/");
  await expect(page).toHaveURL(routes.accessTokens);
});
