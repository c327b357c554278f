// During a database outage the sign-in form says the service is unavailable, not "Incorrect email or
// password", and signing in works again once the database is back. On a server of its own: the spec
// deletes its SQLite file and puts a backup back, and the shared server's database must stay whole.
import { copyFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { routes } from "@/lib/routes";
import { SERVICE_UNAVAILABLE } from "../lib/auth/sign-in-errors";
import { testPort } from "../test/support/ports";
import { startTestServer, TEST_ADMIN, type TestServer } from "../test/support/server";
import { expect, submitLogin, test } from "./support/fixtures";

const port = Number(process.env.E2E_OUTAGE_PORT ?? testPort(3211));
let server: TestServer;

test.use({ baseURL: `http://localhost:${port}` });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startTestServer(port);
});

test.afterAll(async () => {
  await server?.stop();
});

test("during a database outage the sign-in form says the service is unavailable", async ({ page }) => {
  const backup = `${server.databaseFile}.backup`;
  const source = new Database(server.databaseFile, { readonly: true });
  await source.backup(backup);
  source.close();
  rmSync(server.databaseFile);

  await submitLogin(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByRole("alert").filter({ hasText: "unavailable" })).toHaveText(SERVICE_UNAVAILABLE);
  await expect(page.getByText("Incorrect email or password")).toHaveCount(0);
  await expect(page).toHaveURL(/\/login$/);

  // The backup back in place; the health check makes the app look at the file at once (else within 1 s).
  copyFileSync(backup, server.databaseFile);
  expect((await page.request.get("/healthz")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(routes.accessTokens);
});
