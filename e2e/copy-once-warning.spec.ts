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

function warning(page: Page) {
  return createdDialog(page).getByRole("alert").filter({ hasText: "You have not copied the token" });
}

test.beforeEach(async ({ page, person }) => {
  await signIn(page, person);
});

test("closing the token-created dialog before copying asks first (Done, Escape, a click outside)", async ({
  page,
}, testInfo) => {
  const value = await generateTokenInUi(page, { description: "not copied" });
  const dialog = createdDialog(page);

  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(warning(page)).toBeVisible();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Token value")).toHaveValue(value);
  await screenshot(page, testInfo, "close-without-copying-warning");
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(warning(page)).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Done" })).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(warning(page)).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Go back" }).click();

  // A click on the overlay, outside the dialog.
  await page.mouse.click(5, 5);
  await expect(warning(page)).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByRole("button", { name: "Close without copying" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tokenRow(page, tokenIdOf(value))).toBeVisible();
});

test("after copying, Done closes the token-created dialog at once", async ({ page }) => {
  await generateTokenInUi(page);
  const dialog = createdDialog(page);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied to clipboard");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(warning(page)).toHaveCount(0);
});

test("after copying, Escape closes the token-created dialog at once", async ({ page }) => {
  await generateTokenInUi(page);
  const dialog = createdDialog(page);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied to clipboard");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});
