import { routes } from "@/lib/routes";
import {
  createdDialog,
  expect,
  generateTokenInUi,
  screenshot,
  signIn,
  test,
  tokenIdOf,
  tokenRow,
  type Page,
} from "./support/fixtures";
import { expectNoSideScroll, VIEWPORTS } from "./support/screens";

test.use({ viewport: VIEWPORTS.phone });

function menuDialog(page: Page) {
  return page.getByRole("dialog", { name: "Menu", exact: true });
}

/** Whether keyboard focus is inside the open Menu panel. */
async function focusIsInMenu(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
}

test("on a phone the navigation is behind a Menu button: keyboard, focus kept inside, Escape closes", async ({
  page,
  api,
}, testInfo) => {
  const admin = await api.createPerson({ canGenerate: true, isAdmin: true });
  await signIn(page, admin);
  const menuButton = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menuButton).toBeVisible();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  // The left column is gone: no navigation link is shown until the menu opens.
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);

  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = menuDialog(page);
  await expect(menu).toBeVisible();
  // While the panel is open the page behind it, the button included, is hidden from screen readers.
  await expect(page.getByRole("button", { name: "Menu", exact: true, includeHidden: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await expect(menu.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Access Tokens",
    "People",
    "Tokens",
    "Workspace Settings",
    "Activity",
    "API Documentation",
  ]);
  await screenshot(page, testInfo, "menu-phone");
  // Tab and Shift+Tab go round the panel's controls and never reach the page behind it.
  for (let n = 0; n < 10; n += 1) {
    await page.keyboard.press("Tab");
    expect(await focusIsInMenu(page), `after ${n + 1} Tab presses`).toBe(true);
  }
  for (let n = 0; n < 10; n += 1) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusIsInMenu(page), `after ${n + 1} Shift+Tab presses`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  await menuButton.click();
  await menu.getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(routes.people);
  await expect(menu).toHaveCount(0);
  await expectNoSideScroll(page, "People on a phone");

  // The User menu is in the panel too: Preferences, then Profile's tab.
  await menuButton.click();
  await menu.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Preferences" }).click();
  await expect(page).toHaveURL(routes.accessTokens);
  await expect(menu).toHaveCount(0);
});

test("on a phone a token is generated, copied from a dialog that fits the screen, and deleted", async ({
  page,
  person,
  api,
}, testInfo) => {
  await signIn(page, person);
  const value = await generateTokenInUi(page, { description: "made on a phone", lifetimeDays: "3" });
  const dialog = createdDialog(page);
  // Everything the dialog promises is on screen at once: the value, Copy, the warning and Done.
  const field = dialog.getByLabel("Token value");
  await expect(field).toBeInViewport({ ratio: 1 });
  const warning = dialog.getByText("Copy this token now and store it somewhere safe.");
  await expect(warning).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole("button", { name: "Copy" })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole("button", { name: "Done" })).toBeInViewport({ ratio: 1 });
  // The value can be selected whole, as a person would before copying it by hand.
  await field.focus();
  expect(
    await field.evaluate((input: HTMLInputElement) =>
      input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    ),
  ).toBe(value);
  await screenshot(page, testInfo, "token-created-phone");
  await dialog.getByRole("button", { name: "Copy" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toHaveCount(0);

  const tokenId = tokenIdOf(value);
  await expect(tokenRow(page, tokenId)).toBeVisible();
  await expectNoSideScroll(page, "Access Tokens on a phone");
  // The row's menu stays in view at the table's right edge, however wide the table is.
  const rowMenu = page.getByRole("button", { name: `Actions for token ${tokenId}` });
  await expect(rowMenu).toBeInViewport({ ratio: 1 });
  await rowMenu.click();
  await page.getByRole("menuitem", { name: "Delete Token..." }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete access token?" });
  await expect(confirm.getByRole("button", { name: "Delete" })).toBeInViewport({ ratio: 1 });
  await screenshot(page, testInfo, "delete-token-phone");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(tokenRow(page, tokenId)).toHaveCount(0);
  expect((await api.currentPerson(value)).status).toBe(401);
});
