import { routes } from "@/lib/routes";
import { errorCode } from "./support/api";
import { E2E_ADMIN, expect, screenshot, signedInPage, signIn, test, type Page } from "./support/fixtures";
import { choosePersonAction, personCell } from "./support/people-page";

test("a member sees no admin links and cannot open the admin pages", async ({ page, api }, testInfo) => {
  const member = await api.createPerson();
  await signIn(page, member);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Access Tokens" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "People" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Workspace Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Activity" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Tokens", exact: true })).toHaveCount(0);

  for (const [adminPath, heading] of [
    ["/admin/people", "People"],
    ["/admin/settings", "Workspace Settings"],
    ["/admin/activity", "Activity"],
    ["/admin/tokens", "Tokens"],
    [`/admin/people/${member.id}`, member.name],
  ]) {
    await page.goto(adminPath);
    await expect(page).toHaveURL(new RegExp(`${routes.accessTokens}$`));
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Access Tokens" })).toBeVisible();
  }
  await screenshot(page, testInfo, "admin-guards-member-nav");
});

test("the only admin cannot remove their own admin role, and has no Disable account item", async ({ page, api }) => {
  // Make the precondition true even when other specs have added admins to this run's workspace.
  const people = await api.listPeople();
  expect(people.find((person) => person.email === E2E_ADMIN.email)?.isAdmin).toBe(true);
  const otherAdmins = people.filter(
    (person) => person.isAdmin && !person.isDisabled && person.email !== E2E_ADMIN.email,
  );
  for (const admin of otherAdmins) await api.updatePerson(admin.id, { isAdmin: false });
  try {
    await signIn(page, E2E_ADMIN);
    await page.goto("/admin/people");
    await page.getByRole("button", { name: `Actions for ${E2E_ADMIN.email}` }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Remove admin role" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Disable account" })).toHaveCount(0);
    await expect(menu.getByRole("menuitem", { name: "Enable account" })).toHaveCount(0);
    await menu.getByRole("menuitem", { name: "Remove admin role" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "at least one enabled admin" })).toBeVisible();
    await expect(await personCell(page, E2E_ADMIN.email, "Role")).toHaveText("Admin");
    expect((await api.listPeople()).find((person) => person.email === E2E_ADMIN.email)?.isAdmin).toBe(true);
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toBeVisible();
  } finally {
    for (const admin of otherAdmins) await api.updatePerson(admin.id, { isAdmin: true });
  }
});

test("a person's page for an unknown id is Page not found, not an error", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  const response = await page.goto("/admin/people/no-such-person");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

async function expectSignInRefused(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "the account is disabled" })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
}

test("a disabled person can neither sign in nor use a token; enabling them restores both", async ({
  page,
  browser,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const { tokenValue } = await api.createToken({ basic: person }, 3600);
  expect((await api.currentPerson(tokenValue)).status).toBe(200);
  const member = await signedInPage(browser, person);

  await signIn(page, E2E_ADMIN);
  await page.goto("/admin/people");

  await test.step("the admin disables the account", async () => {
    await choosePersonAction(page, person.email, "Disable account");
    await expect(await personCell(page, person.email, "Status")).toHaveText("Disabled");
  });

  await test.step("the token is refused and the person is signed out and cannot sign in", async () => {
    const refused = await api.currentPerson(tokenValue);
    expect(refused.status).toBe(401);
    expect(errorCode(refused)).toBe("token_blocked");

    await member.page.reload();
    await expect(member.page).toHaveURL(/\/login/);
    await expectSignInRefused(member.page, person.email, person.password);
    await screenshot(member.page, testInfo, "admin-disabled-sign-in-refused");
  });

  await test.step("enabling the account restores sign-in and the same token", async () => {
    await choosePersonAction(page, person.email, "Enable account");
    await expect(await personCell(page, person.email, "Status")).toHaveText("Active");

    const restored = await api.currentPerson(tokenValue);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toMatchObject({ email: person.email, isDisabled: false });
    // A fresh browser: signing in must work again, whatever became of the old session cookie.
    const again = await signedInPage(browser, person);
    await expect(again.page.getByRole("button", { name: "Generate New Token" })).toBeEnabled();
    await again.context.close();
  });

  await member.context.close();
});
