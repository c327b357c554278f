import { expect, screenshot, signIn, test } from "./support/fixtures";

const label = (n: number) => `token ${String(n).padStart(2, "0")}`;

test("with 30 tokens the page shows the 25 newest first and a Next page link to the rest", async ({
  page,
  api,
  person,
}, testInfo) => {
  const first = await api.createToken({ basic: person }, 86_400, label(1));
  // One after another, so that creation times, and so the expected order, are distinct.
  for (let n = 2; n <= 30; n++) await api.createToken({ bearer: first.tokenValue }, 86_400, label(n));
  await signIn(page, person);

  const bodyRows = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(bodyRows).toHaveCount(25);
  const descriptions = async () =>
    Promise.all((await bodyRows.all()).map(async (row) => (await row.getByRole("cell").nth(1).innerText()).trim()));
  expect(await descriptions()).toEqual(Array.from({ length: 25 }, (_, i) => label(30 - i)));
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("Page 1 of 2 (30 tokens)");
  await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await screenshot(page, testInfo, "access-tokens-page-1-of-2");

  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(bodyRows).toHaveCount(5);
  expect(await descriptions()).toEqual([label(5), label(4), label(3), label(2), label(1)]);
  await expect(pager).toContainText("Page 2 of 2 (30 tokens)");
  await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await pager.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/\?page=1$/);
  await expect(bodyRows).toHaveCount(25);
});
