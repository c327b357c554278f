import { expect, screenshot, signIn, test } from "./support/fixtures";

test("Help > API Documentation shows Getting started and the reference, loading nothing from another origin", async ({
  page,
  api,
}, testInfo) => {
  const person = await api.createPerson({ canGenerate: true });
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && !["data:", "blob:"].includes(url.protocol)) {
      foreign.push(request.url());
    }
  });
  await signIn(page, person);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API Documentation" }).click();
  // Scalar may add the section it shows as a hash (#description/introduction) once it has rendered.
  await expect(page).toHaveURL(/\/help\/api(#.*)?$/);
  await expect(page.getByRole("heading", { name: "API Documentation", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await expect(page.getByText('curl http://localhost:3000 -X GET -H "Authorization: Bearer <token>"')).toBeVisible();
  await expect(page.getByText("-u 'you@example.com:YOUR-PASSWORD'")).toBeVisible();
  // The rendered reference: the operations of the document, by their summaries.
  const reference = page.getByRole("region", { name: "API reference" });
  await expect(reference.getByText("Get this OpenAPI 3.1 document (no authentication)").first()).toBeVisible({
    timeout: 20_000,
  });
  await reference.getByRole("link", { name: "Access tokens", exact: true }).click();
  await expect(
    reference.getByText("Create an API access token (Basic email:password or Bearer)").first(),
  ).toBeVisible();
  await expect(reference.getByRole("button", { name: "Ask AI" })).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  await screenshot(page, testInfo, "api-documentation");
  expect(foreign).toEqual([]);
});
