import { routes } from "@/lib/routes";
import { errorCode } from "./support/api";
import { E2E_ADMIN, expect, screenshot, signedInPage, signIn, test } from "./support/fixtures";

test("turning API access tokens off stops every token at once, and turning them on restores the same token", async ({
  page,
  browser,
  api,
  workspace,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const { tokenValue } = await api.createToken({ basic: person }, 3600);
  expect((await api.currentPerson(tokenValue)).status).toBe(200);
  const original = await workspace.keep();
  expect(original.apiAccessTokensEnabled).toBe(true);

  await signIn(page, E2E_ADMIN);
  const member = await signedInPage(browser, person);
  try {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workspace Settings" }).click();
    await expect(page.getByRole("heading", { name: "Workspace Settings" })).toBeVisible();
    const tokensSetting = page.getByRole("group", { name: "API Access Token" });
    const status = page.getByRole("status");

    await test.step("the admin selects Disabled and saves; the status lists the change", async () => {
      await tokensSetting.getByRole("radio", { name: "Disabled" }).check();
      await page.getByRole("button", { name: "Save" }).click();
      await expect(status).toContainText("API access tokens disabled");
      await expect(status.getByRole("listitem")).toHaveCount(1);
      await screenshot(page, testInfo, "admin-tokens-disabled");
    });

    await test.step("the token is refused as blocked on its very next request", async () => {
      const refused = await api.currentPerson(tokenValue);
      expect(refused.status).toBe(401);
      expect(errorCode(refused)).toBe("token_blocked");
    });

    await test.step("nobody, the admin included, can generate a token, and the page says why", async () => {
      for (const who of [member.page, page]) {
        await who.goto(routes.accessTokens);
        await expect(who.getByRole("button", { name: "Generate New Token" })).toBeDisabled();
        await expect(who.getByRole("note")).toContainText("API access tokens are turned off for this workspace");
      }
      await screenshot(member.page, testInfo, "admin-tokens-disabled-member-view");
    });

    await test.step("turning tokens back on restores the same token", async () => {
      await page.goto("/admin/settings");
      await expect(tokensSetting.getByRole("radio", { name: "Disabled" })).toBeChecked();
      await tokensSetting.getByRole("radio", { name: "Enabled" }).check();
      await page.getByRole("button", { name: "Save" }).click();
      await expect(status).toContainText("API access tokens enabled");

      const restored = await api.currentPerson(tokenValue);
      expect(restored.status, JSON.stringify(restored.body)).toBe(200);
      expect(restored.body).toMatchObject({ email: person.email });
      await member.page.reload();
      await expect(member.page.getByRole("button", { name: "Generate New Token" })).toBeEnabled();
    });
  } finally {
    await member.context.close();
  }
});
