import { E2E_ADMIN, expect, screenshot, signIn, test } from "./support/fixtures";

const NOT_PERMITTED =
  "You cannot generate access tokens. Only workspace admins may generate API access tokens, until an admin allows all users or gives you individual access.";

test("without access, Generate New Token is disabled and says why; individual access enables it", async ({
  page,
  api,
  workspace,
}, testInfo) => {
  await workspace.set({ usersCanGenerateApiAccessTokens: false });
  const person = await api.createPerson();
  expect(person.canGenerateApiAccessTokens).toBe(false);
  await signIn(page, person);

  const generate = page.getByRole("button", { name: "Generate New Token" });
  await expect(generate).toBeDisabled();
  await expect(page.getByRole("note")).toHaveText(NOT_PERMITTED);
  await expect(page.getByText("No access tokens yet")).toBeVisible();
  await screenshot(page, testInfo, "generate-disabled");
  // The API agrees with the page.
  expect((await api.call("POST", "/v4/apiAccessTokens", { basic: person }, { lifetimeSeconds: 3600 })).status).toBe(
    403,
  );

  await api.updatePerson(person.id, { canGenerateApiAccessTokens: true });
  await page.reload();
  await expect(generate).toBeEnabled();
  await expect(page.getByRole("note")).toHaveCount(0);
  await generate.click();
  await expect(page.getByRole("dialog", { name: "Generate New Token" })).toBeVisible();
});

test("the workspace settings also decide: all users allowed, or tokens turned off even for admins", async ({
  page,
  api,
  workspace,
}) => {
  const person = await api.createPerson();
  await workspace.set({ usersCanGenerateApiAccessTokens: true });
  await signIn(page, person);
  const generate = page.getByRole("button", { name: "Generate New Token" });
  await expect(generate).toBeEnabled();

  await workspace.set({ usersCanGenerateApiAccessTokens: false });
  await page.reload();
  await expect(generate).toBeDisabled();

  await workspace.set({ apiAccessTokensEnabled: false });
  await page.context().clearCookies();
  await signIn(page, E2E_ADMIN);
  await expect(generate).toBeDisabled();
  await expect(page.getByRole("note")).toContainText("API access tokens are turned off for this workspace.");
});
