import { routes } from "@/lib/routes";
import { expect, screenshot, signIn, test, tokenRow } from "./support/fixtures";

test("Delete Token... removes the row, and the deleted token is refused on the next request", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const doomed = await api.createToken({ basic: person }, 86_400, "to be deleted");
  const kept = await api.createToken({ basic: person }, 86_400, "to be kept");
  expect((await api.currentPerson(doomed.tokenValue)).status).toBe(200);
  await signIn(page, person);

  const id = doomed.tokenInfo.tokenId;
  await page.getByRole("button", { name: `Actions for token ${id}` }).click();
  await page.getByRole("menuitem", { name: "Delete Token..." }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete access token?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(id);
  await expect(confirm).toContainText("to be deleted");
  await screenshot(page, testInfo, "delete-token-confirmation");
  await confirm.getByRole("button", { name: "Delete" }).click();

  await expect(confirm).toHaveCount(0);
  await expect(tokenRow(page, id)).toHaveCount(0);
  await expect(tokenRow(page, kept.tokenInfo.tokenId)).toBeVisible();

  const refused = await api.currentPerson(doomed.tokenValue);
  expect(refused.status).toBe(401);
  expect(refused.body).toMatchObject({ error: { code: "invalid_token" } });
  expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
  expect((await api.currentPerson(kept.tokenValue)).status).toBe(200);

  await page.goto(routes.accessTokens);
  await expect(tokenRow(page, id)).toHaveCount(0);
  await expect(tokenRow(page, kept.tokenInfo.tokenId)).toBeVisible();
});

test("Cancel in the delete confirmation keeps the token working", async ({ page, api }) => {
  const person = await api.createPerson({ canGenerate: true });
  const token = await api.createToken({ basic: person }, 86_400, "keep me");
  await signIn(page, person);

  const id = token.tokenInfo.tokenId;
  await page.getByRole("button", { name: `Actions for token ${id}` }).click();
  await page.getByRole("menuitem", { name: "Delete Token..." }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete access token?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(tokenRow(page, id)).toBeVisible();
  // The page is still usable with the mouse after the dialog (no overlay or pointer-events lock left behind).
  await page.getByRole("button", { name: `Actions for token ${id}` }).click();
  await expect(page.getByRole("menuitem", { name: "Delete Token..." })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.reload();
  await expect(tokenRow(page, id)).toBeVisible();
  expect((await api.currentPerson(token.tokenValue)).status).toBe(200);
});
