import { routes } from "@/lib/routes";
import { expect, generateDialog, generateTokenInUi, signIn, test, type Page } from "./support/fixtures";
import {
  expectNoSeriousAxeViolations,
  personWithBusyTokens,
  settle,
  signedInPages,
  VIEWPORTS,
} from "./support/screens";

const schemes = ["light", "dark"] as const;

/** The colour the page's body is painted in, e.g. "rgb(248, 250, 252)". */
async function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

for (const scheme of schemes) {
  test(`axe-core finds no serious or critical violation on any page, dialogs included, in the ${scheme} theme`, async ({
    page,
    api,
  }, testInfo) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const { person, newest } = await personWithBusyTokens(api);
    await page.goto(routes.login);
    await expectNoSeriousAxeViolations(page, `sign-in-${scheme}`, testInfo);

    await signIn(page, person);
    for (const { name, path } of signedInPages(person.id)) {
      await page.goto(path);
      await settle(page);
      await expectNoSeriousAxeViolations(page, `${name}-${scheme}`, testInfo);
    }

    await page.goto(routes.accessTokens);
    await page.getByRole("button", { name: "Generate New Token" }).click();
    await expect(generateDialog(page)).toBeVisible();
    await expectNoSeriousAxeViolations(page, `generate-dialog-${scheme}`, testInfo);
    await page.keyboard.press("Escape");
    await generateTokenInUi(page, { description: "for axe" });
    await expectNoSeriousAxeViolations(page, `token-created-dialog-${scheme}`, testInfo);
    await page.getByRole("button", { name: "Done" }).click();
    await expectNoSeriousAxeViolations(page, `token-created-warning-${scheme}`, testInfo);
    await page.getByRole("button", { name: "Close without copying" }).click();

    // (Not scanned while the row menu is open: Radix marks the page behind it aria-hidden while its focus is held
    // in the menu, which axe reads as hidden focusable content.)
    await page.getByRole("button", { name: `Actions for token ${newest.tokenInfo.tokenId}` }).click();
    await page.getByRole("menuitem", { name: "Delete Token..." }).click();
    await expect(page.getByRole("alertdialog", { name: "Delete access token?" })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `delete-dialog-${scheme}`, testInfo);
    await page.keyboard.press("Escape");

    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Menu", exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `menu-${scheme}`, testInfo);
  });
}

test("the theme chosen in Profile is kept for the person and wins over the system's; System follows it", async ({
  page,
  person,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signIn(page, person);
  const html = page.locator("html");
  await expect(html).toHaveClass("system");
  const light = await bodyBackground(page);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await bodyBackground(page);
  expect(dark).not.toBe(light);

  await page.goto(routes.profile);
  const theme = page.getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();
  await theme.getByRole("radio", { name: "Light" }).check();
  await expect(page.getByText("Theme saved.")).toBeVisible();
  await expect(html).toHaveClass("light");
  expect(await bodyBackground(page)).toBe(light);

  // Kept with the account: a new page, in a device set to light, is dark from its first paint (server HTML).
  await theme.getByRole("radio", { name: "Dark" }).check();
  await expect(html).toHaveClass("dark");
  await page.emulateMedia({ colorScheme: "light" });
  const served = await page.request.get(routes.accessTokens);
  expect(await served.text()).toMatch(/<html[^>]* class="dark"/);
  await page.goto(routes.accessTokens);
  expect(await bodyBackground(page)).toBe(dark);

  await page.goto(routes.profile);
  await expect(theme.getByRole("radio", { name: "Dark" })).toBeChecked();
  await theme.getByRole("radio", { name: "System" }).check();
  await expect(html).toHaveClass("system");
  expect(await bodyBackground(page)).toBe(light);
});
