// Widths, pages and checks of the specs about how every page looks: the layout at each width, contrast in
// each theme (axe-core), and a busy token list to look at.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { createdTokenSchema } from "@/lib/openapi/schemas";
import { routes } from "@/lib/routes";
import type { Api, CreatedToken, TestPerson } from "./api";
import { screenshot } from "./fixtures";

/** The widths the issue names: a phone, a laptop, a desktop; 360 and 1920 are the ends of the range. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
  desktop: { width: 1440, height: 900 },
} as const;
export const RANGE_ENDS = [
  { width: 360, height: 740 },
  { width: 1920, height: 1080 },
] as const;

/** Every signed-in page, by a name for its screenshot; `person` is the one whose page an admin opens. */
export function signedInPages(personId: string): { name: string; path: string }[] {
  return [
    { name: "access-tokens", path: routes.accessTokens },
    { name: "profile", path: routes.profile },
    { name: "own-activity", path: routes.ownActivity },
    { name: "people", path: routes.people },
    { name: "person", path: routes.person(personId) },
    { name: "workspace-settings", path: routes.workspaceSettings },
    { name: "admin-activity", path: routes.activity },
    { name: "api-documentation", path: routes.apiDocumentation },
  ];
}

/** The page does not scroll sideways as a whole: its content is no wider than the window. */
export async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** Waits until the page has settled (Scalar renders the API reference after load). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

/** axe-core's serious and critical findings on what the page shows now (WCAG 2 A and AA rules). */
export async function expectNoSeriousAxeViolations(page: Page, where: string, testInfo: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length > 0) await screenshot(page, testInfo, `axe-${where}`);
  const summary = serious.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  }));
  expect(summary, `${where}: axe-core's serious and critical violations`).toEqual([]);
}

const LONG_DESCRIPTION =
  "Nightly export of the billing warehouse to the finance team's reporting bucket, run by the scheduler on the " +
  "shared build agent";

/**
 * A person (an admin, so every page is theirs to open) with a full first page of 25 tokens: long descriptions,
 * one unbroken, Read only badges, and a newest one that is Read only, expires soon and has been used.
 */
export async function personWithBusyTokens(api: Api): Promise<{ person: TestPerson; newest: CreatedToken }> {
  const person = await api.createPerson({ canGenerate: true, isAdmin: true });
  const first = await api.createToken({ basic: person }, 30 * 86_400, `${LONG_DESCRIPTION} (1)`);
  const auth = { bearer: first.tokenValue };
  for (let n = 2; n <= 24; n += 1) {
    const description = n === 2 ? "x".repeat(200) : `${LONG_DESCRIPTION} (${n})`;
    await api.expectStatus("POST", "/v4/apiAccessTokens", auth, 201, {
      lifetimeSeconds: 30 * 86_400,
      description,
      scopes: n % 3 === 0 ? ["read_api"] : ["api"],
    });
  }
  const newest = createdTokenSchema.parse(
    await api.expectStatus("POST", "/v4/apiAccessTokens", auth, 201, {
      lifetimeSeconds: 3 * 86_400,
      description: `${LONG_DESCRIPTION} (25)`,
      scopes: ["read_api"],
    }),
  );
  // A use, so that Last Used shows a date rather than "Never".
  expect((await api.currentPerson(newest.tokenValue)).status).toBe(200);
  return { person, newest };
}
