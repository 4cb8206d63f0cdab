import { expect, test, type Page } from "@playwright/test";
import { CONTOSO, NORTHWIND, expectNotFound, signIn } from "../helpers";

// A page-level notFound() under the tenant's loading.tsx streams the not-found page with status
// 200 (Next sends the status with the shell); the tenant-level checks still answer 404.
async function expectNotFoundPage(page: Page, path: string, secret: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
}

test("a partner cannot open another partner's incident, nor another tenant's", async ({ page, browser }) => {
  const title = `Wrong partner ${Date.now()}`;
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/incidents/new`);
  const other = page
    .getByLabel("Partner")
    .locator("option")
    .filter({ hasNotText: NORTHWIND.partner.partnerName })
    .nth(1);
  await page.getByLabel("Partner").selectOption({ label: (await other.textContent())!.trim() });
  await page.getByLabel("Touchpoint").selectOption({ index: 1 });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("An incident routed to a different partner.");
  await page.getByRole("button", { name: "Open incident" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incidentId = page.url().split("/").pop()!;

  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signIn(partner, NORTHWIND.partner);
  await expectNotFoundPage(partner, `/portal/${NORTHWIND.slug}/incidents/${incidentId}`, title);
  await partner.goto(`/portal/${NORTHWIND.slug}/incidents`);
  await expect(partner.getByText(title)).toHaveCount(0);
  await partnerContext.close();

  const contosoContext = await browser.newContext();
  const contoso = await contosoContext.newPage();
  await signIn(contoso, CONTOSO.steward);
  await expectNotFound(contoso, `/t/${NORTHWIND.slug}/incidents/${incidentId}`);
  await expectNotFoundPage(contoso, `/t/${CONTOSO.slug}/incidents/${incidentId}`, title);
  await contosoContext.close();
});
