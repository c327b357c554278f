import type { TestPerson } from "./support/api";
import { E2E_ADMIN, expect, screenshot, signIn, test, type Page } from "./support/fixtures";

function activityTable(page: Page, caption = "Audit events, newest first") {
  return page.getByRole("table", { name: caption });
}

/** The table's rows of one event type (each row carries its type). */
function rowsOf(page: Page, type: string, caption?: string) {
  return activityTable(page, caption).locator(`tbody tr[data-event-type="${type}"]`);
}

test("an admin's actions and a person's new token show up on the Activity page, and the filters narrow it", async ({
  page,
  api,
}, testInfo) => {
  const person: TestPerson = await api.createPerson({ canGenerate: true });
  const token = await api.createToken({ basic: person }, 3600, "activity export");
  const other = await api.createToken({ basic: person }, 3600, "activity other");

  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/admin\/activity$/);
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();

  await test.step("the admin's changes and the person's token creation are listed", async () => {
    const table = activityTable(page);
    const added = rowsOf(page, "person.created").filter({ hasText: person.email });
    await expect(added).toHaveCount(1);
    await expect(added).toContainText(E2E_ADMIN.email);
    const changed = rowsOf(page, "person.changed").filter({ hasText: person.email });
    await expect(changed).toContainText("canGenerateApiAccessTokens: false → true");
    const created = rowsOf(page, "token.created").filter({ hasText: token.tokenInfo.tokenId });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText("With a password; lifetime 1 hour");
    await expect(created).toContainText(person.email);
    await expect(table.getByRole("columnheader")).toHaveText([
      "Time",
      "Event",
      "Actor",
      "Target",
      "Address",
      "User agent",
    ]);
    const html = await page.content();
    expect(html).not.toContain(token.tokenValue);
    await screenshot(page, testInfo, "admin-activity");
  });

  await test.step("filtering by person and event type keeps only those, in the URL", async () => {
    await page.getByLabel("Person").selectOption({ label: person.email });
    await page.getByLabel("Event", { exact: true }).selectOption({ label: "Token created" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`personId=${person.id}.*type=token.created`));
    const rows = activityTable(page).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rowsOf(page, "token.created")).toHaveCount(2);
    await expect(page.getByLabel("Person")).toHaveValue(person.id);
  });

  await test.step("a person's page links to their activity", async () => {
    await page.goto(`/admin/people/${person.id}`);
    await page.getByRole("link", { name: `Activity by or about ${person.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/activity\\?personId=${person.id}$`));
    await expect(page.getByLabel("Person")).toHaveValue(person.id);
    await expect(rowsOf(page, "person.created").filter({ hasText: person.email })).toHaveCount(1);
    await page.getByLabel("Event", { exact: true }).selectOption({ label: "Token created" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rowsOf(page, "token.created")).toHaveCount(2);
  });

  await test.step("filtering by token id narrows it to that token", async () => {
    await page.getByLabel("Token ID").fill(other.tokenInfo.tokenId);
    await page.getByLabel("Token ID").press("Enter");
    await expect(page).toHaveURL(new RegExp(`tokenId=${other.tokenInfo.tokenId}`));
    await expect(activityTable(page).locator("tbody tr")).toHaveCount(1);
    await expect(activityTable(page)).toContainText(other.tokenInfo.tokenId);
    await expect(activityTable(page)).not.toContainText(token.tokenInfo.tokenId);
  });

  await test.step("a bad filter is explained, and Clear filters shows everything again", async () => {
    await page.getByLabel("Token ID").fill("not-a-token-id");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Filters not applied" })).toContainText("tokenId");
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/admin\/activity$/);
    await expect(rowsOf(page, "person.created").filter({ hasText: person.email })).toHaveCount(1);
  });
});

test("a person sees their own token events under Preferences > Activity, and nobody else's", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const someoneElse = await api.createPerson({ canGenerate: true });
  const mine = await api.createToken({ basic: person }, 3600, "mine");
  const theirs = await api.createToken({ basic: someoneElse }, 3600, "theirs");
  expect((await api.currentPerson(mine.tokenValue)).status).toBe(200);

  await signIn(page, person);
  await page.getByRole("navigation", { name: "Preferences" }).getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/preferences\/activity$/);
  const caption = "Your audit events, newest first";
  await expect(rowsOf(page, "token.created", caption).filter({ hasText: mine.tokenInfo.tokenId })).toHaveCount(1);
  await expect(rowsOf(page, "token.first_used", caption).filter({ hasText: mine.tokenInfo.tokenId })).toHaveCount(1);
  await expect(activityTable(page, caption)).not.toContainText(theirs.tokenInfo.tokenId);
  await expect(activityTable(page, caption)).not.toContainText(someoneElse.email);
  // No person filter here: only one's own events are shown.
  await expect(page.getByLabel("Person")).toHaveCount(0);
  // An admin gave them token access: who and what are shown, not where the admin works from.
  const byAdmin = rowsOf(page, "person.changed", caption).filter({ hasText: "canGenerateApiAccessTokens" });
  await expect(byAdmin).toContainText(E2E_ADMIN.email);
  await expect(byAdmin.getByText("Not shown")).toHaveCount(2);
  const ownRow = rowsOf(page, "token.created", caption).filter({ hasText: mine.tokenInfo.tokenId });
  await expect(ownRow.getByText("Not shown")).toHaveCount(0);
  await screenshot(page, testInfo, "own-activity");

  await page.getByLabel("Event", { exact: true }).selectOption({ label: "Token first used" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(activityTable(page, caption).locator("tbody tr")).toHaveCount(1);
});
