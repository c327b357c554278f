import {
  ACCESS_TOKENS_PATH,
  E2E_ADMIN,
  errorCode,
  expect,
  screenshot,
  signIn,
  signedInPage,
  test,
  updateSettingsWithSession,
} from "./support/admin-fixtures";

test("turning API access tokens off stops every token at once, and turning them on restores the same token", async ({
  page,
  browser,
  api,
  origin,
}, testInfo) => {
  const person = await api.createPerson({ canGenerateApiAccessTokens: true });
  const { tokenValue } = await api.createToken(person);
  expect((await api.whoAmI(tokenValue)).status).toBe(200);
  const original = await api.getSettings();
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
      const refused = await api.whoAmI(tokenValue);
      expect(refused.status).toBe(401);
      expect(errorCode(refused)).toBe("token_blocked");
    });

    await test.step("nobody, the admin included, can generate a token, and the page says why", async () => {
      for (const who of [member.page, page]) {
        await who.goto(ACCESS_TOKENS_PATH);
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

      const restored = await api.whoAmI(tokenValue);
      expect(restored.status, JSON.stringify(restored.body)).toBe(200);
      expect(restored.body).toMatchObject({ email: person.email });
      await member.page.reload();
      await expect(member.page.getByRole("button", { name: "Generate New Token" })).toBeEnabled();
    });
  } finally {
    // With tokens off the admin's own token is blocked too, so the way back is the admin's session.
    await updateSettingsWithSession(page.request, origin, original);
    await member.context.close();
  }
});
