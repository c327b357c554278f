// The Admin > People page, as the specs read and use it.
import { expect, type Locator, type Page } from "@playwright/test";

/** The People page's table, named by its caption. */
export function peopleTable(page: Page): Locator {
  return page.getByRole("table", { name: "People in the workspace, newest first" });
}

/** One cell of a person's row on the People page, found by its column header. */
export async function personCell(page: Page, email: string, column: string): Promise<Locator> {
  const table = peopleTable(page);
  await expect(table).toBeVisible();
  const headers = (await table.getByRole("columnheader").allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(column);
  expect(index, `column "${column}" among ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return table
    .getByRole("row")
    .filter({ has: page.getByText(email, { exact: true }) })
    .getByRole("cell")
    .nth(index);
}

/** Opens the row menu for a person on the People page and chooses an item. */
export async function choosePersonAction(page: Page, email: string, item: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}
