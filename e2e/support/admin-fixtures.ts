// Helpers for the workspace-administration specs: sign-in through the real form, a small fetch client for
// the REST API (to set up people, tokens and settings fast), and screenshots kept beside the report.
import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { z } from "zod";
import {
  ACCESS_TOKENS_PATH,
  createdTokenSchema,
  E2E_ADMIN,
  personSchema,
  screenshot,
  settingsSchema,
  unique,
  type CreatedToken,
  type Credentials,
  type Person,
  type TestPerson,
  type WorkspaceSettings,
} from "./fixtures";

export { ACCESS_TOKENS_PATH, E2E_ADMIN, expect, screenshot, unique };
export type { CreatedToken, Credentials, Page, Person, TestPerson, WorkspaceSettings };

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type ApiResult = { status: number; body: unknown };
type Auth = { bearer: string } | { basic: Credentials };

/** The error code of a failed API call, or null when the body is not the contract's error shape. */
export function errorCode(result: ApiResult): string | null {
  const parsed = errorSchema.safeParse(result.body);
  return parsed.success ? parsed.data.error.code : null;
}

/** The REST API as a script calls it: fetch, JSON, Bearer or Basic. */
export class AdminApi {
  private adminToken: string | null = null;

  constructor(readonly baseURL: string) {}

  async call(method: string, urlPath: string, auth: Auth, body?: unknown): Promise<ApiResult> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if ("bearer" in auth) headers.Authorization = `Bearer ${auth.bearer}`;
    else
      headers.Authorization = `Basic ${Buffer.from(`${auth.basic.email}:${auth.basic.password}`).toString("base64")}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(new URL(urlPath, this.baseURL), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** A token for the given person, issued with their email and password (Basic), as a first token is. */
  async createToken(person: Credentials, description = unique("e2e token")): Promise<CreatedToken> {
    const result = await this.call(
      "POST",
      "/v4/apiAccessTokens",
      { basic: person },
      { lifetimeSeconds: 3600, description },
    );
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return createdTokenSchema.parse(result.body);
  }

  /** The admin's own API token, issued once per test. */
  async adminBearer(): Promise<Auth> {
    this.adminToken ??= (await this.createToken(E2E_ADMIN, "e2e admin setup")).tokenValue;
    return { bearer: this.adminToken };
  }

  /** GET /v4/people/current with the token: what a script using it would get. */
  async whoAmI(tokenValue: string): Promise<ApiResult> {
    return this.call("GET", "/v4/people/current", { bearer: tokenValue });
  }

  /** A new member with a unique email; optionally with individual token access. */
  async createPerson(options: { canGenerateApiAccessTokens?: boolean } = {}): Promise<TestPerson> {
    const name = unique("E2E Person");
    const credentials = {
      email: `${name.toLowerCase().replaceAll(" ", "-")}@tessera.test`,
      password: "person-pass-123",
    };
    const created = await this.call("POST", "/v4/people", await this.adminBearer(), { ...credentials, name });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let person = personSchema.parse(created.body);
    if (options.canGenerateApiAccessTokens)
      person = await this.updatePerson(person.id, { canGenerateApiAccessTokens: true });
    return { ...person, ...credentials };
  }

  async updatePerson(
    id: string,
    change: Partial<Pick<Person, "name" | "isAdmin" | "isDisabled" | "canGenerateApiAccessTokens">>,
  ): Promise<Person> {
    const result = await this.call("PATCH", `/v4/people/${id}`, await this.adminBearer(), change);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return personSchema.parse(result.body);
  }

  /** Everyone in the workspace, page by page. */
  async listPeople(): Promise<Person[]> {
    const pageSchema = z.object({ data: z.array(personSchema), count: z.number() });
    const people: Person[] = [];
    for (let offset = 0; ; offset += 100) {
      const result = await this.call("GET", `/v4/people?limit=100&offset=${offset}`, await this.adminBearer());
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      const page = pageSchema.parse(result.body);
      people.push(...page.data);
      if (page.data.length === 0 || people.length >= page.count) return people;
    }
  }

  async getSettings(): Promise<WorkspaceSettings> {
    const result = await this.call("GET", "/v4/workspaces/current/settings", await this.adminBearer());
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return settingsSchema.parse(result.body);
  }

  async updateSettings(change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    const result = await this.call("PATCH", "/v4/workspaces/current/settings", await this.adminBearer(), change);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return settingsSchema.parse(result.body);
  }
}

/**
 * Sets workspace settings with the admin's browser session rather than a token: the way back when a test
 * has turned tokens off (which also stops the admin's own token). Same-origin, as the contract requires.
 */
export async function updateSettingsWithSession(
  request: APIRequestContext,
  baseURL: string,
  settings: WorkspaceSettings,
): Promise<void> {
  const response = await request.patch("/v4/workspaces/current/settings", {
    data: settings,
    headers: { Origin: new URL(baseURL).origin },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(settingsSchema.parse(await response.json())).toEqual(settings);
}

export const test = base.extend<{ api: AdminApi; origin: string }>({
  origin: async ({ baseURL }, provide) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    await provide(baseURL);
  },
  api: async ({ origin }, provide) => {
    await provide(new AdminApi(origin));
  },
});

/** Signs in through the login form and waits for the app's home, the Access Tokens page. */
export async function signIn(page: Page, person: Credentials): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${ACCESS_TOKENS_PATH}$`));
  await expect(page.getByRole("heading", { name: "Access Tokens" })).toBeVisible();
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

/** The People page's table, named by its caption. */
export function peopleTable(page: Page): Locator {
  return page.getByRole("table", { name: "People in the workspace, newest first" });
}

/** One cell of a person's row on the People page, found by its column header. */
export async function personCell(page: Page, email: string, column: string): Promise<Locator> {
  const table = peopleTable(page);
  await expect(table).toBeVisible();
  const headers = (await table.getByRole("columnheader").allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(column);
  expect(index, `column "${column}" among ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return table
    .getByRole("row")
    .filter({ has: page.getByText(email, { exact: true }) })
    .getByRole("cell")
    .nth(index);
}

/** Opens the row menu for a person on the People page and chooses an item. */
export async function choosePersonAction(page: Page, email: string, item: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}
