import {
  createdDialog,
  expect,
  generateDialog,
  signIn,
  test,
  tokenIdOf,
  tokenRow,
  type Locator,
  type Page,
} from "./support/fixtures";

/** Presses Tab until the target has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

async function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((el) => el.contains(document.activeElement));
}

async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return "nothing";
    return `${el.tagName} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`;
  });
}

test.beforeEach(async ({ page, person }) => {
  await signIn(page, person);
});

test("a token can be generated, copied and the dialogs closed with the keyboard alone", async ({ page }) => {
  const generate = page.getByRole("button", { name: "Generate New Token" });
  await tabTo(page, generate);
  await page.keyboard.press("Enter");
  const dialog = generateDialog(page);
  await expect(dialog).toBeVisible();
  const lifetime = dialog.getByLabel("Lifetime (days)");
  await expect(lifetime).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("5");
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("Description (optional)")).toBeFocused();
  await page.keyboard.type("typed by keyboard");
  // The Access radio group is one stop, at its checked radio (the default, Read and write).
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("radio", { name: "Read and write" })).toBeFocused();
  await expect(dialog.getByRole("radio", { name: "Read and write" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Generate", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");

  const created = createdDialog(page);
  await expect(created).toBeVisible();
  const value = await created.getByLabel("Token value").inputValue();
  await expect(created).toContainText(/expires \d{4}-\d{2}-\d{2}/);
  await expect.poll(() => focusIsInside(created)).toBe(true);
  // Focus is trapped: Tab and Shift+Tab cycle through the dialog's controls and never leave it.
  for (const key of ["Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    expect(await focusIsInside(created), `after ${key}: ${await describeFocus(page)}`).toBe(true);
  }
  await tabTo(page, created.getByRole("button", { name: "Copy" }));
  await page.keyboard.press("Enter");
  await expect(created.getByRole("status")).toHaveText("Copied to clipboard");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  await tabTo(page, created.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(created).toHaveCount(0);

  await expect(tokenRow(page, tokenIdOf(value))).toContainText("typed by keyboard");
  // Focus goes back to where the person started, not to the top of the page.
  await expect(generate).toBeFocused();
});

test("Escape and Cancel close the Generate New Token dialog and return focus to its button", async ({ page }) => {
  const generate = page.getByRole("button", { name: "Generate New Token" });
  const dialog = generateDialog(page);
  await tabTo(page, generate);

  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Lifetime (days)")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(generate).toBeFocused();

  await page.keyboard.press("Space");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Cancel" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(generate).toBeFocused();
  await expect(page.getByText("No access tokens yet")).toBeVisible();
});

test("the row menu opens by keyboard and Delete Token... is reachable with the arrow keys", async ({
  page,
  api,
  person,
}) => {
  const token = await api.createToken({ basic: person });
  await page.reload();
  const trigger = page.getByRole("button", { name: `Actions for token ${token.tokenInfo.tokenId}` });
  const menu = page.getByRole("menu");
  const deleteItem = page.getByRole("menuitem", { name: "Delete Token..." });

  await tabTo(page, trigger);
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await expect(deleteItem).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await expect(menu).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await expect(deleteItem).toBeFocused();
  await page.keyboard.press("Enter");

  const confirm = page.getByRole("alertdialog", { name: "Delete access token?" });
  await expect(confirm).toBeVisible();
  expect(await focusIsInside(confirm)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(trigger).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole("button", { name: "Delete" }));
  await page.keyboard.press("Enter");
  await expect(confirm).toHaveCount(0);
  await expect(tokenRow(page, token.tokenInfo.tokenId)).toHaveCount(0);
  expect((await api.currentPerson(token.tokenValue)).status).toBe(401);
});
