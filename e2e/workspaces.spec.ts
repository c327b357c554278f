// Several workspaces at their own host names, in a real browser, on the second test server (playwright.config.ts:
// WORKSPACE_DOMAIN=localhost, so acme.localhost is workspace acme; Chromium resolves every *.localhost to the
// loopback address). The workspaces are made with `npm run workspace` on that server's database, as an operator
// would. Each part of a workspace (its people, tokens and sign-ins) is seen only at its own address.
import type { Browser, BrowserContext } from "@playwright/test";
import { createdTokenSchema } from "@/lib/openapi/schemas";
import { routes } from "@/lib/routes";
import { E2E_WORKSPACES_SERVER_ENV } from "../playwright.config";
import { workspaceCli as runCli } from "../test/support/workspace-cli";
import {
  createdDialog,
  E2E_ADMIN,
  expect,
  generateTokenInUi,
  signIn,
  submitLogin,
  test,
  tokenIdOf,
  tokenRow,
  type Page,
} from "./support/fixtures";

const PORT = E2E_WORKSPACES_SERVER_ENV.PORT;
const origin = (name: string | null) => `http://${name ? `${name}.` : ""}localhost:${PORT}`;
const ACME = origin("acme");
const BETA = origin("beta");
const ACME_ADMIN = { email: "ops@acme.test", password: "acme-admin-password" };
const BETA_ADMIN = { email: "ops@beta.test", password: "beta-admin-password" };
/** One email, a person in each workspace, with a password of each workspace's own. */
const SHARED = { email: "pat@both.test", acme: "pat-acme-password", beta: "pat-beta-password" };
const LOGIN_URL = /\/login(\?.*)?$/;

/** `npm run workspace -- <args>` on the workspaces server's database. */
function workspaceCli(args: string[]): Promise<string> {
  return runCli(args, E2E_WORKSPACES_SERVER_ENV);
}

/**
 * A REST call to the workspaces server as a script at this workspace's address would make it. Node does not
 * resolve *.localhost as Chromium does, so it goes to localhost and names the host in X-Forwarded-Host (the
 * server trusts the proxy headers: TRUST_PROXY=true).
 */
async function apiAt(
  name: string,
  method: string,
  urlPath: string,
  auth: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${origin(null)}${urlPath}`, {
    method,
    headers: {
      Accept: "application/json",
      Authorization: auth,
      "X-Forwarded-Host": `${name}.localhost:${PORT}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : text };
}

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;

/** A browser of its own (own cookies) that opens pages of this workspace. */
async function browserAt(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

/** GET /v4/people/current from inside a page, with this token: what a script at that page's address would get. */
async function currentPersonFrom(page: Page, token: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (value) => {
    const response = await fetch("/v4/people/current", { headers: { Authorization: `Bearer ${value}` } });
    return { status: response.status, body: await response.json() };
  }, token);
}

test.describe.configure({ mode: "serial" });

let acmeToken = "";

test.beforeAll(async () => {
  await workspaceCli(["create", "acme", "--admin-email", ACME_ADMIN.email, "--admin-password", ACME_ADMIN.password]);
  await workspaceCli(["create", "beta", "--admin-email", BETA_ADMIN.email, "--admin-password", BETA_ADMIN.password]);
});

test.beforeAll(async () => {
  // The same email, a person in each workspace (made by each workspace's admin), with different passwords.
  for (const [name, admin, password] of [
    ["acme", ACME_ADMIN, SHARED.acme],
    ["beta", BETA_ADMIN, SHARED.beta],
  ] as const) {
    // Basic only gets a token (POST /v4/apiAccessTokens); the token does the rest, as a script would.
    const token = await apiAt(name, "POST", "/v4/apiAccessTokens", basic(admin.email, admin.password), {
      lifetimeSeconds: 3600,
      description: "e2e set-up",
    });
    expect(token.status, JSON.stringify(token.body)).toBe(201);
    const { tokenValue, tokenInfo } = createdTokenSchema.parse(token.body);
    const created = await apiAt(name, "POST", "/v4/people", `Bearer ${tokenValue}`, {
      email: SHARED.email,
      password,
      name: `Pat of ${name}`,
      isAdmin: false,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Gone again, so that the admin's token list starts empty.
    const deleted = await apiAt(name, "DELETE", `/v4/apiAccessTokens/${tokenInfo.tokenId}`, `Bearer ${tokenValue}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBeLessThan(300);
  }
});

test("an admin signs in at acme.localhost, stays on that host, and generates a token seen in Preferences", async ({
  browser,
}) => {
  const { context, page } = await browserAt(browser, ACME);
  try {
    await signIn(page, ACME_ADMIN);
    // next-auth's redirects and the app's follow the request's host: nothing sends the browser to NEXTAUTH_URL.
    expect(page.url()).toBe(`${ACME}${routes.accessTokens}`);
    await expect(page.getByRole("button", { name: "User menu" })).toContainText(ACME_ADMIN.email);
    await expect(page.getByText("No access tokens yet")).toBeVisible();

    acmeToken = await generateTokenInUi(page, { description: "acme deploy key" });
    const tokenId = tokenIdOf(acmeToken);
    await createdDialog(page).getByRole("button", { name: "Copy" }).click();
    await createdDialog(page).getByRole("button", { name: "Done" }).click();
    await expect(createdDialog(page)).toBeHidden();
    await expect(tokenRow(page, tokenId)).toBeVisible();

    // User menu > Preferences > Access Tokens, from another page: the token is listed there.
    await page.goto(routes.profile);
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitem", { name: "Preferences" }).click();
    await expect(page).toHaveURL(`${ACME}${routes.accessTokens}`);
    await expect(page.getByRole("heading", { name: "Access Tokens", level: 2 })).toBeVisible();
    await expect(tokenRow(page, tokenId)).toBeVisible();
    expect(new URL(page.url()).host).toBe(`acme.localhost:${PORT}`);

    // The token acts as acme's admin at acme's address, and as nobody at beta's.
    const me = await currentPersonFrom(page, acmeToken);
    expect(me).toMatchObject({ status: 200, body: { email: ACME_ADMIN.email } });
    const atBeta = await apiAt("beta", "GET", "/v4/people/current", `Bearer ${acmeToken}`);
    expect(atBeta.status).toBe(401);
  } finally {
    await context.close();
  }
});

test("beta's admin, at beta.localhost, sees none of acme's tokens", async ({ browser }) => {
  expect(acmeToken).not.toBe("");
  const tokenId = tokenIdOf(acmeToken);
  const { context, page } = await browserAt(browser, BETA);
  try {
    await signIn(page, BETA_ADMIN);
    expect(page.url()).toBe(`${BETA}${routes.accessTokens}`);
    await expect(page.getByText("No access tokens yet")).toBeVisible();
    await expect(page.getByText(tokenId)).toHaveCount(0);

    // Admin > Tokens, every token of the workspace: none of acme's.
    await page.goto(routes.tokens);
    await expect(page.getByRole("heading", { name: "Tokens", level: 1 })).toBeVisible();
    await expect(page.getByText(tokenId)).toHaveCount(0);
    expect(await page.content()).not.toContain(tokenId);
    // Admin > People: beta's two, not acme's admin.
    await page.goto(routes.people);
    await expect(page.getByText(BETA_ADMIN.email).first()).toBeVisible();
    await expect(page.getByText(SHARED.email).first()).toBeVisible();
    await expect(page.getByText(ACME_ADMIN.email)).toHaveCount(0);
  } finally {
    await context.close();
  }

  // While acme's own admin does see it under Admin > Tokens (so the check above can fail).
  const acme = await browserAt(browser, ACME);
  try {
    await signIn(acme.page, ACME_ADMIN);
    await acme.page.goto(routes.tokens);
    await expect(acme.page.getByRole("link", { name: tokenId, exact: true })).toBeVisible();
  } finally {
    await acme.context.close();
  }
});

test("acme's session does not sign anyone in at beta, not even with its cookie copied to beta's host", async ({
  browser,
}) => {
  const { context, page } = await browserAt(browser, ACME);
  try {
    await signIn(page, ACME_ADMIN);

    // The cookie is acme's host's: at beta's address the browser is signed out.
    await page.goto(`${BETA}${routes.accessTokens}`);
    await expect(page).toHaveURL(new RegExp(`^${BETA}/login(\\?.*)?$`));
    await expect(page.getByRole("heading", { name: "Sign in to Tessera" })).toBeVisible();

    // And the cookie itself, sent to beta's host, is no session there: the server checks its workspace.
    const cookies = await context.cookies(ACME);
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    if (!session) throw new Error(`no session cookie among ${cookies.map((cookie) => cookie.name).join(", ")}`);
    await context.addCookies([{ name: session.name, value: session.value, url: BETA }]);
    await page.goto(`${BETA}${routes.accessTokens}`);
    await expect(page).toHaveURL(new RegExp(`^${BETA}/login(\\?.*)?$`));
    await expect(page.getByRole("button", { name: "Generate New Token" })).toHaveCount(0);
    const betaSession = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(betaSession).toEqual({});

    // Still signed in at acme.
    await page.goto(`${ACME}${routes.accessTokens}`);
    await expect(page).toHaveURL(`${ACME}${routes.accessTokens}`);
    await expect(page.getByRole("button", { name: "User menu" })).toContainText(ACME_ADMIN.email);
  } finally {
    await context.close();
  }
});

test("the same email is a different person in each workspace, each with its own password", async ({ browser }) => {
  const beta = await browserAt(browser, BETA);
  try {
    // acme's password for that email is wrong at beta.
    await submitLogin(beta.page, SHARED.email, SHARED.acme);
    await expect(beta.page.getByRole("alert").filter({ hasText: "Incorrect email or password" })).toBeVisible();
    await expect(beta.page).toHaveURL(LOGIN_URL);
    await signIn(beta.page, { email: SHARED.email, password: SHARED.beta });
    expect(beta.page.url()).toBe(`${BETA}${routes.accessTokens}`);
    await beta.page.goto(routes.profile);
    await expect(beta.page.getByText(`Pat of beta · ${SHARED.email}`)).toBeVisible();
  } finally {
    await beta.context.close();
  }
  const acme = await browserAt(browser, ACME);
  try {
    await signIn(acme.page, { email: SHARED.email, password: SHARED.acme });
    await acme.page.goto(routes.profile);
    await expect(acme.page.getByText(`Pat of acme · ${SHARED.email}`)).toBeVisible();
  } finally {
    await acme.context.close();
  }
});

test("a signed-out visit at acme.localhost goes to acme's sign-in page; signing in and out stay on that host", async ({
  browser,
}) => {
  const { context, page } = await browserAt(browser, ACME);
  try {
    await page.goto(routes.profile);
    await expect(page).toHaveURL(new RegExp(`^${ACME}/login(\\?.*)?$`));
    await signIn(page, ACME_ADMIN);
    expect(new URL(page.url()).origin).toBe(ACME);

    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(new RegExp(`^${ACME}/login(\\?.*)?$`));
    await page.goto(routes.accessTokens);
    await expect(page).toHaveURL(new RegExp(`^${ACME}/login(\\?.*)?$`));
  } finally {
    await context.close();
  }
});

test("an unknown workspace's address shows a plain not-found page; the bare domain is the default workspace", async ({
  browser,
}) => {
  const { context, page } = await browserAt(browser, origin("nope"));
  try {
    for (const urlPath of ["/", routes.login, routes.accessTokens]) {
      const response = await page.goto(`${origin("nope")}${urlPath}`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
      // Not redirected anywhere: the address the browser asked for.
      expect(page.url()).toBe(`${origin("nope")}${urlPath}`);
      await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
      await expect(page.getByText("There is no workspace at this address.")).toBeVisible();
      await expect(page.getByLabel("Password")).toHaveCount(0);
    }
    // The API says so in JSON.
    const api = await apiAt("nope", "GET", "/v4/people/current", basic(E2E_ADMIN.email, E2E_ADMIN.password));
    expect(api).toEqual({
      status: 404,
      body: { error: { code: "workspace_not_found", message: "There is no workspace at this address" } },
    });

    // localhost and default.localhost are the default workspace, whose admin is the server's ADMIN_EMAIL; that
    // admin is nobody at acme.
    for (const base of [origin(null), origin("default")]) {
      const other = await browserAt(browser, base);
      try {
        await signIn(other.page, E2E_ADMIN);
        expect(other.page.url()).toBe(`${base}${routes.accessTokens}`);
      } finally {
        await other.context.close();
      }
    }
    const atAcme = await apiAt("acme", "GET", "/v4/people/current", basic(E2E_ADMIN.email, E2E_ADMIN.password));
    expect(atAcme.status).toBe(401);
  } finally {
    await context.close();
  }
});
