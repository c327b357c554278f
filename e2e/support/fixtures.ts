// Shared helpers for the Playwright specs: sign-in through the real form, a small client for the REST
// API (to set up people, tokens and workspace settings fast), and full-page screenshots.
import { mkdirSync, copyFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, request, type Locator, type Page, type TestInfo } from "@playwright/test";
import { z } from "zod";
import { E2E_ADMIN } from "../../playwright.config";

export { expect, E2E_ADMIN };
export type { Locator, Page };

export const ACCESS_TOKENS_PATH = "/preferences/access-tokens";

export type Credentials = { email: string; password: string };

export const tokenInfoSchema = z.object({
  tokenId: z.string(),
  description: z.string(),
  status: z.enum(["active", "expired", "blocked"]),
  expiredAt: z.string().nullable(),
  lastUsed: z.string().nullable(),
  createdAt: z.string(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const createdTokenSchema = z.object({ tokenValue: z.string(), tokenInfo: tokenInfoSchema });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const personSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  isDisabled: z.boolean(),
  canGenerateApiAccessTokens: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;
export type TestPerson = Person & Credentials;

export const settingsSchema = z.object({
  apiAccessTokensEnabled: z.boolean(),
  usersCanGenerateApiAccessTokens: z.boolean(),
  maxUserTokenLifetimeDays: z.number(),
});
export type WorkspaceSettings = z.infer<typeof settingsSchema>;

export const endpointListSchema = z.object({
  data: z.array(z.object({ method: z.string(), path: z.string(), description: z.string() })),
  count: z.number(),
});

export const tokenListSchema = z.object({ data: z.array(tokenInfoSchema), count: z.number() });

export type Auth = { bearer: string } | { basic: Credentials } | null;
export type ApiResponse = { status: number; body: unknown; headers: Headers };

let uniqueCounter = 0;
/** A value no other test (or earlier run against a reused database) has used. */
export function unique(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${uniqueCounter}`;
}

// One admin token per worker process: every Basic sign-in costs a bcrypt comparison on the server.
let adminTokenValue: string | null = null;

/** The REST API, called with fetch against the test server, as a script would. */
export class Api {
  constructor(readonly baseURL: string) {}

  async call(method: string, urlPath: string, auth: Auth, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (auth && "bearer" in auth) headers.Authorization = `Bearer ${auth.bearer}`;
    if (auth && "basic" in auth) {
      const pair = `${auth.basic.email}:${auth.basic.password}`;
      headers.Authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
    }
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(new URL(urlPath, this.baseURL), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get("content-type")?.includes("application/json") && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Calls the API and insists on the expected status, so set-up failures say what went wrong. */
  async expectStatus(method: string, urlPath: string, auth: Auth, status: number, body?: unknown): Promise<unknown> {
    const response = await this.call(method, urlPath, auth, body);
    if (response.status !== status) {
      throw new Error(
        `${method} ${urlPath}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  async createToken(auth: Auth, lifetimeSeconds = 86_400, description = ""): Promise<CreatedToken> {
    const body = await this.expectStatus("POST", "/v4/apiAccessTokens", auth, 201, { lifetimeSeconds, description });
    return createdTokenSchema.parse(body);
  }

  /** A token of the first admin, got with Basic auth as the seed describes, once per worker. */
  async adminToken(): Promise<string> {
    adminTokenValue ??= (await this.createToken({ basic: E2E_ADMIN }, 3600, "e2e admin")).tokenValue;
    return adminTokenValue;
  }

  private async asAdmin(method: string, urlPath: string, status: number, body?: unknown): Promise<unknown> {
    return this.expectStatus(method, urlPath, { bearer: await this.adminToken() }, status, body);
  }

  /** A new non-admin person; `canGenerate` gives them individual access to tokens. */
  async createPerson(options: { canGenerate?: boolean; isAdmin?: boolean } = {}): Promise<TestPerson> {
    const name = unique("person");
    const credentials = { email: `${name}@e2e.test`, password: `pw-${name}` };
    const created = personSchema.parse(
      await this.asAdmin("POST", "/v4/people", 201, { ...credentials, name, isAdmin: options.isAdmin ?? false }),
    );
    const person = options.canGenerate
      ? await this.updatePerson(created.id, { canGenerateApiAccessTokens: true })
      : created;
    return { ...person, ...credentials };
  }

  async updatePerson(
    id: string,
    patch: Partial<Pick<Person, "name" | "isAdmin" | "isDisabled" | "canGenerateApiAccessTokens">>,
  ) {
    return personSchema.parse(await this.asAdmin("PATCH", `/v4/people/${id}`, 200, patch));
  }

  async getSettings(): Promise<WorkspaceSettings> {
    return settingsSchema.parse(await this.asAdmin("GET", "/v4/workspaces/current/settings", 200));
  }

  async updateSettings(patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    return settingsSchema.parse(await this.asAdmin("PATCH", "/v4/workspaces/current/settings", 200, patch));
  }

  async listTokens(bearer: string): Promise<z.infer<typeof tokenListSchema>> {
    return tokenListSchema.parse(await this.expectStatus("GET", "/v4/apiAccessTokens?limit=100", { bearer }, 200));
  }

  async currentPerson(bearer: string): Promise<ApiResponse> {
    return this.call("GET", "/v4/people/current", { bearer });
  }
}

type Fixtures = {
  api: Api;
  /** A fresh non-admin person with individual access to tokens, so tests never share token lists. */
  person: TestPerson;
  /** Changes workspace settings for one test; the values found before are restored after it, pass or fail. */
  workspace: { set(patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> };
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
    await provide({
      async set(patch) {
        original ??= await api.getSettings();
        return api.updateSettings(patch);
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
  } finally {
    await context.dispose();
  }
}

/** Fills in and submits the real sign-in form; the caller checks the outcome. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the login form and waits for the Access Tokens page, where sign-in lands. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(ACCESS_TOKENS_PATH);
  await expect(page.getByRole("heading", { name: "Access Tokens", level: 2 })).toBeVisible();
}

/** A full-page PNG in the test's output folder (attached to the report) and in test-results/screenshots. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
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
