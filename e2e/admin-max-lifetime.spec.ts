import { createdTokenSchema } from "@/lib/openapi/schemas";
import { routes } from "@/lib/routes";
import { MAX_LIFETIME_DAYS } from "@/lib/validations/access-token";
import { unique } from "./support/api";
import { E2E_ADMIN, cellText, expect, screenshot, signIn, test } from "./support/fixtures";

const MAX_LIFETIME_LABEL = "Maximum lifetime for user generated access tokens (days)";
const DAY_SECONDS = 86_400;

/** As the Expires column shows a date: UTC, to the minute. */
const shown = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

test("the maximum token lifetime accepts only whole days, and new tokens cannot outlive it", async ({
  page,
  api,
}, testInfo) => {
  const original = await api.getSettings();
  const days = original.maxUserTokenLifetimeDays;
  expect(days).toBeGreaterThan(30);
  const outOfRange = new RegExp(`from 1 to ${MAX_LIFETIME_DAYS} days, or -1 for unlimited`);
  // A 30-day token made before the maximum is lowered: the list must then show when it really stops working.
  const made = await api.call(
    "POST",
    "/v4/apiAccessTokens",
    { basic: E2E_ADMIN },
    { lifetimeSeconds: 30 * DAY_SECONDS, description: unique("thirty days") },
  );
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const { tokenInfo } = createdTokenSchema.parse(made.body);
  const ownEnd = tokenInfo.expiredAt ?? "";
  const fiveDayEnd = new Date(Date.parse(tokenInfo.createdAt) + 5 * DAY_SECONDS * 1000).toISOString();
  await signIn(page, E2E_ADMIN);
  try {
    await test.step("the 30-day token shows its own expiry, not flagged", async () => {
      const expires = await cellText(page, tokenInfo.tokenId, "Expires");
      expect(expires).toContain(shown(ownEnd));
      expect(expires).not.toContain("Expires soon");
    });

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

    await test.step("the 30-day token now shows the 5-day end it is stopped at, flagged Expires soon", async () => {
      await page.goto(routes.accessTokens);
      const expires = await cellText(page, tokenInfo.tokenId, "Expires");
      expect(expires).toContain(shown(fiveDayEnd));
      expect(expires).not.toContain(shown(ownEnd));
      expect(expires).toContain("Expires soon");
      expect(expires).toContain("Workspace maximum lifetime");
      await screenshot(page, testInfo, "admin-max-lifetime-expires-column");
    });

    await test.step("the Generate dialog states the maximum and refuses 6 days inline", async () => {
      await page.goto(routes.accessTokens);
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
