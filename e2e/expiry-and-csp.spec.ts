import { routes } from "@/lib/routes";
import { cellText, expect, screenshot, signIn, test, tokenRow, type Page } from "./support/fixtures";

const DAY = 86_400;

/** Collects the browser's Content-Security-Policy violation reports for this page. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("the Access Tokens page flags a token expiring within 7 days as Expires soon, not a 30-day one", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const soon = await api.createToken({ basic: person }, 3 * DAY, "expires in three days");
  const later = await api.createToken({ basic: person }, 30 * DAY, "expires in a month");
  const violations = cspViolations(page);
  await signIn(page, person);
  await page.goto(routes.accessTokens);

  await expect(tokenRow(page, soon.tokenInfo.tokenId)).toBeVisible();
  expect(await cellText(page, soon.tokenInfo.tokenId, "Expires")).toContain("Expires soon");
  expect(await cellText(page, later.tokenInfo.tokenId, "Expires")).not.toContain("Expires soon");
  await screenshot(page, testInfo, "access-tokens-expires-soon");
  expect(violations).toEqual([]);
});

test("sign-in, Access Tokens and Help > API Documentation work under the CSP, with no violations", async ({
  page,
  api,
}) => {
  const person = await api.createPerson({ canGenerate: true });
  const violations = cspViolations(page);
  const response = await page.goto("/login");
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await signIn(page, person);
  await expect(page.getByRole("heading", { name: "Access Tokens" })).toBeVisible();

  // Client-side interactivity proves the app's scripts ran: the Generate dialog opens.
  await page.getByRole("button", { name: /Generate New Token/i }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/help/api");
  const reference = page.getByRole("region", { name: "API reference" });
  await expect(reference.getByText("Get this OpenAPI 3.1 document (no authentication)").first()).toBeVisible({
    timeout: 20_000,
  });
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
