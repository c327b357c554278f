// The Playwright specs' test (with the API client, a fresh person and the workspace settings as fixtures), signing
// in through the real form, the token page's helpers and full-page screenshots.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  test as base,
  expect,
  request,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from "@playwright/test";
import { z } from "zod";
import { workspaceSettingsSchema } from "@/lib/openapi/schemas";
import { routes } from "@/lib/routes";
import { E2E_ADMIN } from "../../playwright.config";
import { Api, type Credentials, type TestPerson, type WorkspaceSettings } from "./api";

export { expect, E2E_ADMIN };
export type { Locator, Page };

type Fixtures = {
  api: Api;
  /** A fresh non-admin person with individual access to tokens, so tests never share token lists. */
  person: TestPerson;
  /**
   * The workspace settings for one test: `keep` notes them as they are, `set` changes them (through the API);
   * either way they are put back after the test, pass or fail.
   */
  workspace: {
    keep(): Promise<WorkspaceSettings>;
    set(change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings>;
  };
};

export const test = base.extend<Fixtures>({
  api: async ({ baseURL }, provide) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    await provide(new Api(baseURL));
  },
  person: async ({ api }, provide) => {
    await provide(await api.createPerson({ canGenerate: true }));
  },
  workspace: async ({ api, baseURL }, provide) => {
    let original: WorkspaceSettings | null = null;
    const keep = async () => (original ??= await api.getSettings());
    await provide({
      keep,
      async set(change) {
        await keep();
        return api.updateSettings(change);
      },
    });
    // Through an admin's browser session, not a token: with apiAccessTokensEnabled off no token works.
    if (original && baseURL) await updateSettingsAsSignedInAdmin(baseURL, original);
  },
});

/** PATCHes the workspace settings with the first admin's sign-in session, as the browser UI would. */
async function updateSettingsAsSignedInAdmin(baseURL: string, settings: WorkspaceSettings): Promise<void> {
  const context = await request.newContext({ baseURL });
  try {
    const csrf = z.object({ csrfToken: z.string() }).parse(await (await context.get("/api/auth/csrf")).json());
    const signedIn = await context.post("/api/auth/callback/credentials", {
      form: { ...E2E_ADMIN, csrfToken: csrf.csrfToken, json: "true" },
    });
    if (!signedIn.ok()) throw new Error(`admin sign-in for the settings restore failed: ${signedIn.status()}`);
    const response = await context.patch("/v4/workspaces/current/settings", {
      data: settings,
      headers: { Origin: new URL(baseURL).origin },
    });
    if (response.status() !== 200) {
      throw new Error(`restoring the workspace settings failed: ${response.status()} ${await response.text()}`);
    }
    expect(workspaceSettingsSchema.parse(await response.json())).toEqual(settings);
  } finally {
    await context.dispose();
  }
}

/** Fills in and submits the real sign-in form; the caller checks the outcome. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto(routes.login);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the login form and waits for the Access Tokens page, where sign-in lands. */
export async function signIn(page: Page, person: Credentials): Promise<void> {
  await submitLogin(page, person.email, person.password);
  await expect(page).toHaveURL(routes.accessTokens);
  await expect(page.getByRole("heading", { name: "Access Tokens", level: 2 })).toBeVisible();
}

/** A separate browser (own cookies) signed in as this person, for tests with two people at once. */
export async function signedInPage(
  browser: Browser,
  person: Credentials,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, person);
  return { context, page };
}

/** A full-page PNG (or the window's) in the test's output folder (attached to the report) and in test-results/screenshots. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage });
  const shared = path.join("test-results", "screenshots");
  mkdirSync(shared, { recursive: true });
  copyFileSync(file, path.join(shared, `${name}.png`));
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** The row of the token table that shows this token id. */
export function tokenRow(page: Page, tokenId: string) {
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: tokenId, exact: true }) });
}

/** The text of a row's cell, by the column's header. */
export async function cellText(page: Page, tokenId: string, column: string): Promise<string> {
  const headers = await page.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
  if (index < 0) throw new Error(`no column ${column} in ${headers.join(", ")}`);
  return (await tokenRow(page, tokenId).getByRole("cell").nth(index).innerText()).trim();
}

/** The public token id inside a token value (tsr_<id>_<secret><checksum>). */
export function tokenIdOf(tokenValue: string): string {
  const match = /^tsr_([0-9A-Za-z]{16})_[0-9A-Za-z]{49}$/.exec(tokenValue);
  if (!match) throw new Error(`not a token value: ${tokenValue.slice(0, 8)}…`);
  return match[1];
}

export function generateDialog(page: Page): Locator {
  return page.getByRole("dialog", { name: "Generate New Token" });
}

export function createdDialog(page: Page): Locator {
  return page.getByRole("dialog", { name: "Your new access token" });
}

/**
 * Generate New Token through the dialog, as a person would; returns the value shown in the token-created
 * dialog, which is left open (not copied) for the caller.
 */
export async function generateTokenInUi(
  page: Page,
  options: { lifetimeDays?: string; description?: string } = {},
): Promise<string> {
  await page.getByRole("button", { name: "Generate New Token" }).click();
  const dialog = generateDialog(page);
  await expect(dialog).toBeVisible();
  if (options.lifetimeDays !== undefined) await dialog.getByLabel("Lifetime (days)").fill(options.lifetimeDays);
  if (options.description !== undefined) await dialog.getByLabel("Description (optional)").fill(options.description);
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  const created = createdDialog(page);
  await expect(created).toBeVisible();
  await expect(dialog).toBeHidden();
  const value = await created.getByLabel("Token value").inputValue();
  tokenIdOf(value);
  return value;
}
