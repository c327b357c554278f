import { unique } from "./support/api";
import { createdDialog, expect, generateDialog, screenshot, signIn, test } from "./support/fixtures";

// U+202E (right-to-left override) makes this read as "invoiceexe.jpg" on an admin's page.
const LYING = "invoice\u202Egpj.exe";

test("a description with a direction-changing character is refused in the Generate dialog, naming it", async ({
  page,
  person,
}, testInfo) => {
  await signIn(page, person);
  const tokenRows = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(tokenRows).toHaveCount(0);
  await page.getByRole("button", { name: "Generate New Token" }).click();
  const dialog = generateDialog(page);
  const description = dialog.getByLabel("Description (optional)");
  await description.fill(LYING);
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();

  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveAccessibleDescription(
    "Must not contain invisible or direction-changing characters (U+202E)",
  );
  await expect(dialog).toBeVisible();
  await expect(createdDialog(page)).toHaveCount(0);
  await screenshot(page, testInfo, "description-refused");

  // The same dialog then takes an honest description.
  const honest = unique("invoice export");
  await description.fill(honest);
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  const created = createdDialog(page);
  await expect(created).toBeVisible();
  await created.getByRole("button", { name: "Done" }).click();
  await created.getByRole("button", { name: "Close without copying" }).click();
  await expect(tokenRows).toHaveCount(1);
  await expect(tokenRows.getByRole("cell", { name: honest })).toBeVisible();
});
