import { routes } from "@/lib/routes";
import { errorCode, unique } from "./support/api";
import { E2E_ADMIN, expect, screenshot, signedInPage, signIn, test } from "./support/fixtures";
import { choosePersonAction, personCell } from "./support/people-page";

test("a person an admin adds can use tokens only while the admin gives them individual access", async ({
  page,
  browser,
  api,
}, testInfo) => {
  const name = unique("Enabled Person");
  const email = `${name.toLowerCase().replaceAll(" ", "-")}@tessera.test`;
  const password = "person-pass-123";

  await test.step("the admin adds the person, correcting inline errors first", async () => {
    await signIn(page, E2E_ADMIN);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Add person" }).click();
    const dialog = page.getByRole("dialog", { name: "Add person" });
    const emailField = dialog.getByLabel("Email");
    const passwordField = dialog.getByLabel("Initial password");

    await emailField.fill("not-an-email");
    await dialog.getByLabel("Name").fill(name);
    await passwordField.fill("short");
    await dialog.getByRole("button", { name: "Add person" }).click();
    await expect(emailField).toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toHaveAccessibleDescription(/must be an email address/i);
    await expect(passwordField).toHaveAttribute("aria-invalid", "true");
    await expect(passwordField).toHaveAccessibleDescription(/must be at least 8 characters/i);

    // An email that is taken: the 409 from the data layer is shown on the Email field, not as a crash.
    await emailField.fill(E2E_ADMIN.email);
    await passwordField.fill(password);
    await dialog.getByRole("button", { name: "Add person" }).click();
    await expect(emailField).toHaveAccessibleDescription(/already exists/i);
    await expect(passwordField).not.toHaveAttribute("aria-invalid", "true");
    await screenshot(page, testInfo, "admin-add-person-errors");

    await emailField.fill(email);
    await dialog.getByRole("button", { name: "Add person" }).click();
    await expect(dialog).toBeHidden();
    await expect(await personCell(page, email, "Role")).toHaveText("Member");
    await expect(await personCell(page, email, "Individual token access")).toHaveText("No");
  });

  const member = await signedInPage(browser, { email, password });
  const memberPage = member.page;
  const generate = memberPage.getByRole("button", { name: "Generate New Token" });

  await test.step("without individual access the person cannot generate, and is told why", async () => {
    await expect(generate).toBeDisabled();
    await expect(memberPage.getByRole("note")).toContainText("Only workspace admins may generate API access tokens");
    await screenshot(memberPage, testInfo, "admin-member-cannot-generate");
  });

  await test.step("the admin gives individual token access from the row menu", async () => {
    await choosePersonAction(page, email, "Give individual token access");
    await expect(await personCell(page, email, "Individual token access")).toHaveText("Yes");
  });

  let tokenValue = "";
  await test.step("the person generates a token, copies it, and it works", async () => {
    await memberPage.reload();
    await expect(generate).toBeEnabled();
    await expect(memberPage.getByRole("note")).toHaveCount(0);
    await generate.click();
    const form = memberPage.getByRole("dialog", { name: "Generate New Token" });
    await form.getByLabel("Lifetime (days)").fill("7");
    await form.getByLabel("Description (optional)").fill("given by an admin");
    await form.getByRole("button", { name: "Generate" }).click();

    const created = memberPage.getByRole("dialog", { name: "Your new access token" });
    await created.getByRole("button", { name: "Copy" }).click();
    await expect(created.getByRole("status")).toHaveText("Copied to clipboard");
    tokenValue = await memberPage.evaluate(() => navigator.clipboard.readText());
    await expect(created.getByLabel("Token value")).toHaveValue(tokenValue);
    await created.getByRole("button", { name: "Done" }).click();
    await expect(created).toBeHidden();

    const me = await api.currentPerson(tokenValue);
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toMatchObject({ email, canGenerateApiAccessTokens: true });
  });

  await test.step("withdrawing individual access blocks the token on its next request", async () => {
    await choosePersonAction(page, email, "Withdraw individual token access");
    await expect(await personCell(page, email, "Individual token access")).toHaveText("No");

    const refused = await api.currentPerson(tokenValue);
    expect(refused.status).toBe(401);
    expect(errorCode(refused)).toBe("token_blocked");

    await memberPage.goto(routes.accessTokens);
    const row = memberPage.getByRole("row").filter({ hasText: "given by an admin" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Blocked");
    await expect(generate).toBeDisabled();
    await screenshot(memberPage, testInfo, "admin-withdrawn-token-blocked");
  });

  await member.context.close();
});
