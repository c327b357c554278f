import { routes } from "@/lib/routes";
import { expect, screenshot, signIn, test, tokenRow } from "./support/fixtures";
import {
  expectNoSideScroll,
  personWithBusyTokens,
  RANGE_ENDS,
  settle,
  signedInPages,
  VIEWPORTS,
} from "./support/screens";

test("no page scrolls sideways from 360 to 1920 px wide; a screenshot of each at 390, 1280 and 1440", async ({
  page,
  api,
}, testInfo) => {
  const { person } = await personWithBusyTokens(api);
  const widths = [...RANGE_ENDS, ...Object.values(VIEWPORTS)];
  const named = Object.entries(VIEWPORTS);

  await test.step("sign-in", async () => {
    await page.goto(routes.login);
    for (const viewport of widths) {
      await page.setViewportSize(viewport);
      await expectNoSideScroll(page, `sign-in at ${viewport.width}`);
    }
    for (const [size, viewport] of named) {
      await page.setViewportSize(viewport);
      await screenshot(page, testInfo, `sign-in-${size}`);
    }
  });

  await signIn(page, person);
  for (const { name, path } of signedInPages(person.id)) {
    await test.step(name, async () => {
      await page.goto(path);
      await settle(page);
      for (const viewport of widths) {
        await page.setViewportSize(viewport);
        await expectNoSideScroll(page, `${name} at ${viewport.width}`);
      }
      for (const [size, viewport] of named) {
        await page.setViewportSize(viewport);
        await screenshot(page, testInfo, `${name}-${size}`);
      }
    });
  }
});

test("at 1280 x 800 every column of the Access Tokens table and each row's menu are in view", async ({
  page,
  api,
}, testInfo) => {
  const { person, newest } = await personWithBusyTokens(api);
  await page.setViewportSize(VIEWPORTS.laptop);
  await signIn(page, person);

  const table = page.getByRole("table", { name: "Access tokens, newest first" });
  await expect(table.getByRole("row")).toHaveCount(26);
  const headers = table.getByRole("columnheader");
  await expect(headers).toHaveText(["Token ID", "Description", "Status", "Created", "Expires", "Last Used", "Actions"]);
  // The table fits its frame: nothing of it is scrolled out of sight, not even by a pixel.
  const frame = await table.evaluate((element) => {
    const box = element.parentElement;
    return box ? { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth } : null;
  });
  expect(frame).not.toBeNull();
  expect(frame?.scrollWidth).toBeLessThanOrEqual(frame?.clientWidth ?? 0);
  for (const header of await headers.all()) await expect(header).toBeInViewport({ ratio: 1 });

  const row = tokenRow(page, newest.tokenInfo.tokenId);
  await expect(row).toContainText("Read only");
  await expect(row).toContainText("Expires soon");
  // Last Used: the time, and under it the 30-day sparkline's summary.
  await expect(row.getByRole("cell").nth(5)).toHaveText(
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s*\d+ uses? in the last 30 days/,
  );
  // The window as a laptop shows it: the README's screenshot (docs/screenshots/access-tokens.png) is this one.
  await screenshot(page, testInfo, "access-tokens-1280x800", false);
  const menu = page.getByRole("button", { name: `Actions for token ${newest.tokenInfo.tokenId}` });
  await expect(menu).toBeInViewport({ ratio: 1 });
  await menu.click();
  await expect(page.getByRole("menuitem", { name: "Delete Token..." })).toBeInViewport();
});
