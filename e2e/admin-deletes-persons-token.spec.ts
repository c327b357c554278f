import { errorCode } from "./support/api";
import { E2E_ADMIN, expect, screenshot, signIn, test } from "./support/fixtures";
import { personCell } from "./support/people-page";

test("an admin deletes a person's token without ever seeing its value, and it is refused on the next request", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const doomed = await api.createToken({ basic: person }, 3600, "nightly export");
  const kept = await api.createToken({ basic: person }, 3600, "kept");
  expect((await api.currentPerson(doomed.tokenValue)).status).toBe(200);

  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(await personCell(page, person.email, "Tokens")).toHaveText("2");

  await test.step("the person's page lists the tokens but never their values", async () => {
    await page.getByRole("link", { name: person.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/people/${person.id}$`));
    await expect(page.getByRole("heading", { name: person.name, level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Access tokens (2)" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: doomed.tokenInfo.tokenId })).toContainText("nightly export");

    const rendered = await page.content();
    const served = await (await page.request.get(page.url())).text();
    for (const html of [rendered, served]) {
      expect(html).toContain(doomed.tokenInfo.tokenId);
      expect(html).not.toContain(doomed.tokenValue);
      expect(html).not.toContain(kept.tokenValue);
    }
    await screenshot(page, testInfo, "admin-person-tokens");
  });

  await test.step("Delete Token... then Delete removes it", async () => {
    await page.getByRole("button", { name: `Actions for token ${doomed.tokenInfo.tokenId}` }).click();
    await page.getByRole("menuitem", { name: "Delete Token..." }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete access token?" });
    await expect(confirm).toContainText(doomed.tokenInfo.tokenId);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("heading", { name: "Access tokens (1)" })).toBeVisible();
    await expect(page.getByText(doomed.tokenInfo.tokenId)).toHaveCount(0);
    await expect(page.getByRole("row").filter({ hasText: kept.tokenInfo.tokenId })).toHaveCount(1);
  });

  await test.step("the deleted token is refused; the other one still works", async () => {
    const refused = await api.currentPerson(doomed.tokenValue);
    expect(refused.status).toBe(401);
    expect(errorCode(refused)).toBe("invalid_token");
    expect((await api.currentPerson(kept.tokenValue)).status).toBe(200);
  });

  await test.step("the People table's token count drops", async () => {
    await page.getByRole("link", { name: "← People" }).click();
    await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
    await expect(await personCell(page, person.email, "Tokens")).toHaveText("1");
  });
});
