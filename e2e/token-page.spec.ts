import { routes } from "@/lib/routes";
import { E2E_ADMIN, expect, screenshot, signIn, test, tokenIdOf, tokenRow } from "./support/fixtures";

const DESCRIPTION = "nightly backup of the billing database to the offsite store";
const SCRIPT = { userAgent: "nightly-backup/2.1 (e2e)", address: "203.0.113.45" };

test("a token's page, opened from the list, shows its use as a chart and a table, and where it was used from", async ({
  page,
  api,
  person,
}, testInfo) => {
  // Expiring soon and with a long description: the widest a row of the seed's columns gets.
  const used = await api.createToken({ basic: person }, 86_400, DESCRIPTION);
  const idle = await api.createToken({ basic: person }, 86_400, "never used");
  for (let i = 0; i < 3; i++) expect((await api.useToken(used.tokenValue, SCRIPT)).status).toBe(200);
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, person);
  const id = used.tokenInfo.tokenId;

  await test.step("the Token ID links to the token's page", async () => {
    await tokenRow(page, id).getByRole("link", { name: id }).click();
    await expect(page).toHaveURL(routes.token(id));
    await expect(page.getByRole("heading", { name: `Token ${id}`, level: 2 })).toBeVisible();
    await expect(page.getByText(DESCRIPTION, { exact: true })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Read and write" })).toBeVisible();
  });

  await test.step("the 90-day chart, summed up in words and as a table of the days with uses", async () => {
    const summary = "3 accepted and 0 refused uses in the last 90 days";
    const chart = page.getByRole("img", { name: new RegExp(`^Bar chart: ${summary}`) });
    await expect(chart).toBeVisible();
    // Drawn in the browser under the page's CSP: today's bar is there.
    await expect(chart.locator(".recharts-bar-rectangle path")).not.toHaveCount(0);
    await expect(page.getByText(new RegExp(`^${summary}`))).toBeVisible();
    await page.getByText("The 1 day with uses, as a table").click();
    const days = page.getByRole("table", { name: "Uses per day (UTC), oldest first" });
    const today = new Date().toISOString().slice(0, 10);
    await expect(days.getByRole("row").filter({ hasText: today })).toHaveText(new RegExp(`${today}\\s*3\\s*0`));
  });

  await test.step("the address and user agent it was used from, with the count", async () => {
    const clients = page.getByRole("table", { name: "Where the token was used from, most recently seen first" });
    const row = clients.getByRole("row").filter({ hasText: SCRIPT.address });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(SCRIPT.userAgent);
    await expect(row.getByRole("cell").last()).toHaveText("3");
    await expect(page.getByRole("table", { name: `Audit events of token ${id}, newest first` })).toBeVisible();
    await screenshot(page, testInfo, "token-page");
  });

  await test.step("back in the list: sparklines with their text, and the table fits a 1280-pixel screen", async () => {
    await page.getByRole("link", { name: "← Access Tokens" }).click();
    await expect(tokenRow(page, id).getByRole("img", { name: "3 uses in the last 30 days" })).toBeVisible();
    await expect(
      tokenRow(page, idle.tokenInfo.tokenId).getByRole("img", { name: "0 uses in the last 30 days" }),
    ).toBeVisible();
    const menu = page.getByRole("button", { name: `Actions for token ${id}` });
    await expect(menu).toBeInViewport({ ratio: 1 });
    const fits = await page.evaluate(() => {
      const table = document.querySelector("table");
      const scroller = table?.parentElement;
      return {
        page: document.documentElement.scrollWidth <= window.innerWidth,
        table: !!table && !!scroller && scroller.scrollWidth <= scroller.clientWidth,
        right: table ? table.getBoundingClientRect().right <= window.innerWidth : false,
      };
    });
    expect(fits).toEqual({ page: true, table: true, right: true });
    await screenshot(page, testInfo, "access-tokens-sparklines-1280");
  });

  await test.step("Delete Token... on a token's page goes back to the list without it", async () => {
    const idleId = idle.tokenInfo.tokenId;
    await tokenRow(page, idleId).getByRole("link", { name: idleId }).click();
    await expect(page.getByText("This token has not been used yet.")).toBeVisible();
    await page.getByRole("button", { name: "Delete Token..." }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete access token?" });
    await expect(confirm).toContainText(idleId);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(routes.accessTokens);
    await expect(tokenRow(page, idleId)).toHaveCount(0);
    await expect(tokenRow(page, id)).toBeVisible();
    expect((await api.currentPerson(idle.tokenValue)).status).toBe(401);
  });

  await test.step("another person's token is a missing page for a member", async () => {
    const adminTokenId = tokenIdOf(await api.adminToken());
    const response = await page.goto(routes.token(adminTokenId));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
  expect(cspViolations).toEqual([]);
});

test("an admin opens any token of the workspace, and sees whose it is", async ({ page, api, person }) => {
  const token = await api.createToken({ basic: person }, 86_400, "someone else's");
  await signIn(page, E2E_ADMIN);
  await page.goto(routes.token(token.tokenInfo.tokenId));
  await expect(page.getByRole("heading", { name: `Token ${token.tokenInfo.tokenId}` })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: person.email })).toBeVisible();
  await expect(page.getByRole("link", { name: `← ${person.name}` })).toHaveAttribute("href", routes.person(person.id));
});
