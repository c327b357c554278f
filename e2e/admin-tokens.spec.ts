import { readFileSync } from "node:fs";
import { activityHref } from "@/lib/audit/activity-query";
import { routes } from "@/lib/routes";
import { E2E_ADMIN, expect, screenshot, signIn, test, type Page } from "./support/fixtures";

function inventoryRow(page: Page, tokenId: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: tokenId, exact: true }) });
}

test("Admin > Tokens: filter by person, revoke two tokens at once, and export the filtered list as CSV", async ({
  page,
  api,
  person,
}, testInfo) => {
  const first = await api.createToken({ basic: person }, 86_400, "old deploy key");
  const second = await api.createToken({ basic: person }, 86_400, "forgotten laptop");
  const formula = await api.createToken({ basic: person }, 86_400, "=SUM(A1:A9)");
  const kept = await api.createToken({ basic: person }, 86_400, 'kept, with "quotes"');
  const elsewhere = await api.createPerson({ canGenerate: true });
  await api.createToken({ basic: elsewhere }, 86_400, "not this person's");

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tokens", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Tokens", level: 1 })).toBeVisible();

  await test.step("the person filter is kept in the URL", async () => {
    await page.getByLabel("Person").selectOption({ label: person.email });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]personId=${person.id}`));
    const table = page.getByRole("table", { name: "The workspace's access tokens" });
    // The four tokens and the select-all row under the header.
    await expect(table.getByRole("row")).toHaveCount(6);
    await expect(inventoryRow(page, first.tokenInfo.tokenId)).toContainText(person.email);
    await expect(inventoryRow(page, first.tokenInfo.tokenId).getByRole("cell").last()).toHaveText("0");
    // All columns on a 1280-pixel screen, without scrolling the table sideways.
    const overflow = await table.evaluate((element) => {
      const box = element.parentElement;
      return box ? box.scrollWidth - box.clientWidth : -1;
    });
    expect(overflow).toBe(0);
  });

  await test.step("Revoke selected: one confirmation naming the count, then both are gone", async () => {
    await page.getByRole("checkbox", { name: `Select token ${first.tokenInfo.tokenId}` }).check();
    await page.getByRole("checkbox", { name: `Select token ${second.tokenInfo.tokenId}` }).check();
    await page.getByRole("button", { name: "Revoke selected (2)" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Revoke 2 tokens?" });
    await expect(confirm).toBeVisible();
    await screenshot(page, testInfo, "admin-tokens-revoke-confirmation");
    await confirm.getByRole("button", { name: "Revoke 2 tokens" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("status")).toHaveText("Revoked 2 tokens.");
    await expect(inventoryRow(page, first.tokenInfo.tokenId)).toHaveCount(0);
    await expect(inventoryRow(page, second.tokenInfo.tokenId)).toHaveCount(0);
    await expect(inventoryRow(page, formula.tokenInfo.tokenId)).toBeVisible();
    await expect(page.getByRole("button", { name: "Revoke selected", exact: true })).toBeDisabled();
    expect((await api.currentPerson(first.tokenValue)).status).toBe(401);
    expect((await api.currentPerson(second.tokenValue)).status).toBe(401);
    expect((await api.currentPerson(kept.tokenValue)).status).toBe(200);
  });

  await test.step("Export CSV of the filtered list, with the formula neutralised", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tessera-tokens-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    const lines = csv.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "tokenId,description,ownerEmail,ownerName,status,scopes,createdAt,expiresAt,lastUsed,uses30d",
    );
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(2);
    const byId = new Map(rows.map((row) => [row.slice(0, 16), row]));
    expect(byId.get(formula.tokenInfo.tokenId)).toMatch(
      new RegExp(`^${formula.tokenInfo.tokenId},'=SUM\\(A1:A9\\),${person.email},${person.name},active,api,`),
    );
    expect(byId.get(kept.tokenInfo.tokenId)).toContain(`,"kept, with ""quotes""",`);
    await screenshot(page, testInfo, "admin-tokens-filtered");
  });

  await test.step("the audit trail has one token.deleted for each", async () => {
    await page.goto(activityHref(routes.activity, { personId: person.id, type: "token.deleted" }, 1));
    const deleted = page.locator('tr[data-event-type="token.deleted"]');
    await expect(deleted).toHaveCount(2);
    await expect(deleted.filter({ hasText: first.tokenInfo.tokenId })).toHaveCount(1);
    await expect(deleted.filter({ hasText: second.tokenInfo.tokenId })).toHaveCount(1);
  });
});

test("Export CSV is for admins only", async ({ page, person }) => {
  await signIn(page, person);
  const response = await page.request.get(routes.tokensExport);
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).not.toContain("text/csv");
  await page.goto(routes.tokens);
  await expect(page).toHaveURL(routes.accessTokens);
});
