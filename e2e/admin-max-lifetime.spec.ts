import { MAX_LIFETIME_DAYS } from "@/lib/validations/access-token";
import { ACCESS_TOKENS_PATH, E2E_ADMIN, expect, screenshot, signIn, test } from "./support/admin-fixtures";

const MAX_LIFETIME_LABEL = "Maximum lifetime for user generated access tokens (days)";

test("the maximum token lifetime accepts only whole days, and new tokens cannot outlive it", async ({
  page,
  api,
}, testInfo) => {
  const original = await api.getSettings();
  const days = original.maxUserTokenLifetimeDays;
  expect(days).toBeGreaterThan(5);
  const outOfRange = new RegExp(`from 1 to ${MAX_LIFETIME_DAYS} days, or -1 for unlimited`);
  await signIn(page, E2E_ADMIN);
  try {
    await page.goto("/admin/settings");
    const field = page.getByLabel(MAX_LIFETIME_LABEL);
    const status = page.getByRole("status");
    const save = page.getByRole("button", { name: "Save" });

    await test.step("0, -2 and 1.5 are refused inline and change nothing", async () => {
      const cases = [
        { value: "0", message: outOfRange },
        { value: "-2", message: outOfRange },
        { value: "1.5", message: /whole number of days/ },
      ];
      for (const { value, message } of cases) {
        // A fresh form for each case: two cases share one message, which must be this case's own.
        await page.reload();
        await expect(field).not.toHaveAttribute("aria-invalid", "true");
        await field.fill(value);
        await save.click();
        await expect(field).toHaveAttribute("aria-invalid", "true");
        await expect(field).toHaveAccessibleDescription(message);
        await expect(status).not.toContainText("changed");
        expect((await api.getSettings()).maxUserTokenLifetimeDays, `after saving ${value}`).toBe(days);
      }
      await screenshot(page, testInfo, "admin-max-lifetime-invalid");
    });

    await test.step("5 is saved and the status says what changed", async () => {
      await field.fill("5");
      await save.click();
      await expect(status).toContainText(`Maximum token lifetime changed from ${days} days to 5 days`);
      await expect(field).not.toHaveAttribute("aria-invalid", "true");
      expect(await api.getSettings()).toEqual({ ...original, maxUserTokenLifetimeDays: 5 });
    });

    await test.step("the Generate dialog states the maximum and refuses 6 days inline", async () => {
      await page.goto(ACCESS_TOKENS_PATH);
      const rowsBefore = await page.getByRole("row").count();
      await page.getByRole("button", { name: "Generate New Token" }).click();
      const dialog = page.getByRole("dialog", { name: "Generate New Token" });
      const lifetime = dialog.getByLabel("Lifetime (days)");
      await expect(lifetime).toHaveAccessibleDescription(/At most 5 days in this workspace/);
      await expect(lifetime).toHaveValue("5");

      await lifetime.fill("6");
      await dialog.getByRole("button", { name: "Generate" }).click();
      await expect(lifetime).toHaveAttribute("aria-invalid", "true");
      await expect(lifetime).toHaveAccessibleDescription(/must be at most 5 days/i);
      await expect(dialog).toBeVisible();
      await expect(page.getByRole("dialog", { name: "Your new access token" })).toHaveCount(0);
      await screenshot(page, testInfo, "admin-max-lifetime-generate-refused");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByRole("row")).toHaveCount(rowsBefore);
    });
  } finally {
    await api.updateSettings(original);
  }
});
