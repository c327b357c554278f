import { endpointListSchema } from "@/lib/openapi/schemas";
import { unique } from "./support/api";
import {
  cellText,
  createdDialog,
  expect,
  generateDialog,
  screenshot,
  signIn,
  test,
  tokenIdOf,
  tokenRow,
  type Page,
} from "./support/fixtures";

const DAY_MS = 86_400_000;

/** Types a lifetime, presses Generate and returns the inline message under the Lifetime field. */
async function submitLifetime(page: Page, days: string) {
  const dialog = generateDialog(page);
  const lifetime = dialog.getByLabel("Lifetime (days)");
  await lifetime.fill(days);
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(lifetime).toHaveAttribute("aria-invalid", "true");
  return lifetime;
}

test("a generated token is copied once, works against the API, and its value is then gone from the page", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const description = unique("nightly export");
  await signIn(page, person);

  await page.getByRole("button", { name: "Generate New Token" }).click();
  const dialog = generateDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Lifetime (days)")).toBeFocused();
  await expect(dialog.getByLabel("Lifetime (days)")).toHaveValue("30");
  await dialog.getByLabel("Lifetime (days)").fill("7");
  await dialog.getByLabel("Description (optional)").fill(description);
  await screenshot(page, testInfo, "generate-token-dialog");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();

  const created = createdDialog(page);
  await expect(created).toBeVisible();
  const field = created.getByLabel("Token value");
  await expect(field).toHaveAttribute("readonly", "");
  await expect(field).not.toBeEditable();
  const shown = await field.inputValue();
  const tokenId = tokenIdOf(shown);
  await expect(created).toContainText(`Token ${tokenId}`);
  await expect(created).toContainText("cannot be shown again");

  await created.getByRole("button", { name: "Copy" }).click();
  await expect(created.getByRole("status")).toHaveText("Copied to clipboard");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  await screenshot(page, testInfo, "token-created-dialog");

  // The copied value is a working token: it acts as its creator and lists the API, as in the seed's curl example.
  const me = await api.currentPerson(copied);
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ email: person.email, id: person.id });
  const root = await api.call("GET", "/", { bearer: copied });
  expect(root.status).toBe(200);
  const endpoints = endpointListSchema.parse(root.body);
  expect(endpoints.count).toBe(endpoints.data.length);
  expect(endpoints.data).toContainEqual(expect.objectContaining({ method: "POST", path: "/v4/apiAccessTokens" }));
  const info = (await api.listTokens(copied)).data.find((t) => t.tokenId === tokenId);
  expect(info).toMatchObject({ description, status: "active" });
  if (!info?.expiredAt) throw new Error("a 7-day token must have an expiry");
  expect(Date.parse(info.expiredAt) - Date.parse(info.createdAt)).toBe(7 * DAY_MS);

  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();
  const row = tokenRow(page, tokenId);
  await expect(row).toBeVisible();
  expect(await cellText(page, tokenId, "Description")).toBe(description);
  expect(await cellText(page, tokenId, "Status")).toBe("Active");
  const expires = `${info.expiredAt.slice(0, 10)} ${info.expiredAt.slice(11, 16)} UTC`;
  // A 7-day token is also flagged as expiring soon, beside its date.
  expect(await cellText(page, tokenId, "Expires")).toBe(`${expires}\nExpires soon`);
  // The table was refreshed when the token was created, before the API calls above.
  // The date's line; the 30-day sparkline and its total are under it.
  expect((await cellText(page, tokenId, "Last Used")).split("\n")[0]).toBe("Never");

  // The value was only ever in the dialog's state: not in the page, not after a reload.
  const secret = shown.slice("tsr_".length + tokenId.length + 1);
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await expect(tokenRow(page, tokenId)).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(secret);
  expect(html).not.toContain(shown);
  await expect(async () => {
    await page.reload();
    expect((await cellText(page, tokenId, "Last Used")).split("\n")[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  }).toPass({ timeout: 10_000 });
  await screenshot(page, testInfo, "access-tokens-with-token");
});

test("invalid lifetimes show inline messages and create nothing; the dialog states the maximum", async ({
  page,
  api,
}) => {
  const person = await api.createPerson({ canGenerate: true });
  const { maxUserTokenLifetimeDays: max } = await api.getSettings();
  expect(max).toBeGreaterThan(0);
  await signIn(page, person);
  await page.getByRole("button", { name: "Generate New Token" }).click();
  const dialog = generateDialog(page);
  await expect(dialog.getByLabel("Lifetime (days)")).toHaveAccessibleDescription(
    `At most ${max} days in this workspace. Non-expiring tokens are not allowed.`,
  );

  const cases: [string, RegExp][] = [
    ["0", /^must be a positive number of days/i],
    ["-2", /^must be a positive number of days/i],
    ["1.5", /^enter a whole number of days/i],
    ["", /^enter a number of days/i],
    [String(max + 1), new RegExp(`^must be at most ${max} days`, "i")],
    ["-1", /^non-expiring tokens are not allowed/i],
  ];
  for (const [days, message] of cases) {
    // Each case starts from a fresh dialog, so its message cannot be the previous case's (two cases share one).
    if (await dialog.isHidden()) await page.getByRole("button", { name: "Generate New Token" }).click();
    await expect(dialog.getByLabel("Lifetime (days)")).not.toHaveAttribute("aria-invalid", "true");
    const lifetime = await submitLifetime(page, days);
    // The message is inline, under the field, and announced with it.
    await expect(dialog.getByText(message)).toBeVisible();
    await expect(lifetime).toHaveAccessibleDescription(new RegExp(message.source.slice(1), "i"));
    await expect(createdDialog(page)).toHaveCount(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  }

  await page.reload();
  await expect(page.getByText("No access tokens yet")).toBeVisible();
  // Reopening starts clean: the last error is not left behind.
  await page.getByRole("button", { name: "Generate New Token" }).click();
  await expect(dialog.getByLabel("Lifetime (days)")).not.toHaveAttribute("aria-invalid", "true");
});

test("the dialog follows the workspace maximum, and -1 works only where the admin allows it", async ({
  page,
  api,
  workspace,
}) => {
  const person = await api.createPerson({ canGenerate: true });
  await workspace.set({ maxUserTokenLifetimeDays: 10 });
  await signIn(page, person);

  await page.getByRole("button", { name: "Generate New Token" }).click();
  const dialog = generateDialog(page);
  await expect(dialog.getByLabel("Lifetime (days)")).toHaveValue("10");
  await expect(dialog).toContainText("At most 10 days in this workspace.");
  await submitLifetime(page, "11");
  await expect(dialog.getByText(/^must be at most 10 days/i)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await workspace.set({ maxUserTokenLifetimeDays: -1 });
  await page.reload();
  await page.getByRole("button", { name: "Generate New Token" }).click();
  await expect(dialog.getByLabel("Lifetime (days)")).toHaveAccessibleDescription(
    "Any number of days, or -1 for a token that never expires.",
  );
  await dialog.getByLabel("Lifetime (days)").fill("-1");
  await dialog.getByLabel("Description (optional)").fill("never expires");
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  const created = createdDialog(page);
  await expect(created).toContainText("never expires.");
  const value = await created.getByLabel("Token value").inputValue();
  await created.getByRole("button", { name: "Copy" }).click();
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();
  const tokenId = tokenIdOf(value);
  expect(await cellText(page, tokenId, "Expires")).toBe("Never");
  const info = (await api.listTokens(value)).data.find((t) => t.tokenId === tokenId);
  expect(info).toMatchObject({ expiredAt: null, status: "active" });
});
