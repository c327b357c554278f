import { routes } from "@/lib/routes";
import { errorCode, unique } from "./support/api";
import {
  cellText,
  createdDialog,
  E2E_ADMIN,
  expect,
  generateDialog,
  generateTokenInUi,
  screenshot,
  signedInPage,
  signIn,
  test,
  tokenIdOf,
  tokenRow,
} from "./support/fixtures";

test("a Read only token made in the dialog is marked as such, reads through the API and is refused every write", async ({
  page,
  api,
  browser,
  person,
}, testInfo) => {
  await signIn(page, person);
  const readWriteDescription = unique("deploy script");
  const readOnlyDescription = unique("dashboard");

  const readWriteId = await test.step("a token made with the default access is Read and write", async () => {
    const value = await generateTokenInUi(page, { description: readWriteDescription });
    const created = createdDialog(page);
    await expect(created).toHaveAccessibleDescription(/: Read and write, expires \d{4}-\d{2}-\d{2}\.$/);
    await created.getByRole("button", { name: "Copy" }).click();
    await created.getByRole("button", { name: "Done" }).click();
    await expect(created).toBeHidden();
    return tokenIdOf(value);
  });

  const readOnly =
    await test.step("Read only is chosen with the keyboard, and the copy-once dialog says so", async () => {
      await page.getByRole("button", { name: "Generate New Token" }).click();
      const dialog = generateDialog(page);
      const access = dialog.getByRole("group", { name: "Access" });
      const readWrite = access.getByRole("radio", { name: "Read and write" });
      const readOnlyChoice = access.getByRole("radio", { name: "Read only" });
      await expect(readWrite).toBeChecked();
      await expect(readOnlyChoice).not.toBeChecked();
      await expect(readOnlyChoice).toHaveAccessibleDescription(
        "GET and HEAD requests only: it cannot create, change or delete anything",
      );
      await dialog.getByLabel("Description (optional)").fill(readOnlyDescription);
      // Tab enters the group at its checked radio; an arrow key moves the choice.
      await page.keyboard.press("Tab");
      await expect(readWrite).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(readOnlyChoice).toBeFocused();
      await expect(readOnlyChoice).toBeChecked();
      await expect(readWrite).not.toBeChecked();
      await screenshot(page, testInfo, "generate-read-only-token-dialog");
      await dialog.getByRole("button", { name: "Generate", exact: true }).click();

      const created = createdDialog(page);
      await expect(created).toBeVisible();
      const shown = await created.getByLabel("Token value").inputValue();
      const tokenId = tokenIdOf(shown);
      await expect(created).toHaveAccessibleDescription(
        new RegExp(`^Token ${tokenId}: Read only, expires \\d{4}-\\d{2}-\\d{2}\\.$`),
      );
      await expect(created).toContainText("Read only");
      await created.getByRole("button", { name: "Copy" }).click();
      await expect(created.getByRole("status")).toHaveText("Copied to clipboard");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(shown);
      await screenshot(page, testInfo, "read-only-token-created-dialog");
      await created.getByRole("button", { name: "Done" }).click();
      await expect(created).toBeHidden();
      return { value: copied, tokenId };
    });

  await test.step("the list marks the Read only token, not the other", async () => {
    await expect(tokenRow(page, readOnly.tokenId)).toBeVisible();
    expect(await cellText(page, readOnly.tokenId, "Description")).toMatch(
      new RegExp(`^${readOnlyDescription}\\s*Read only$`),
    );
    expect(await cellText(page, readWriteId, "Description")).toBe(readWriteDescription);
    await screenshot(page, testInfo, "access-tokens-with-read-only-token");
  });

  await test.step("through the API it reads, and every write is refused with insufficient_scope", async () => {
    const me = await api.currentPerson(readOnly.value);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: person.id, email: person.email });
    const listed = await api.listTokens(readOnly.value);
    expect(listed.data.find((t) => t.tokenId === readOnly.tokenId)?.scopes).toEqual(["read_api"]);
    expect(listed.data.find((t) => t.tokenId === readWriteId)?.scopes).toEqual(["api"]);

    const writes = [
      await api.call("DELETE", `/v4/apiAccessTokens/${readOnly.tokenId}`, { bearer: readOnly.value }),
      await api.call("POST", "/v4/apiAccessTokens", { bearer: readOnly.value }, { lifetimeSeconds: 3600 }),
    ];
    for (const refused of writes) {
      expect(refused.status).toBe(403);
      expect(errorCode(refused)).toBe("insufficient_scope");
      expect(refused.headers.get("www-authenticate")).toContain("insufficient_scope");
    }
    // Nothing was deleted or created.
    expect((await api.listTokens(readOnly.value)).count).toBe(2);
  });

  await test.step("after a reload the token is still listed, still marked", async () => {
    await page.reload();
    await expect(tokenRow(page, readOnly.tokenId)).toContainText("Read only");
    await expect(tokenRow(page, readWriteId)).not.toContainText("Read only");
    await expect(page.getByRole("row")).toHaveCount(3);
  });

  await test.step("the admin's page for the person marks it too", async () => {
    const admin = await signedInPage(browser, E2E_ADMIN);
    try {
      await admin.page.goto(routes.person(person.id));
      await expect(admin.page.getByRole("heading", { name: "Access tokens (2)" })).toBeVisible();
      await expect(tokenRow(admin.page, readOnly.tokenId)).toContainText("Read only");
      await expect(tokenRow(admin.page, readWriteId)).not.toContainText("Read only");
      await screenshot(admin.page, testInfo, "admin-person-read-only-token");
    } finally {
      await admin.context.close();
    }
  });
});
