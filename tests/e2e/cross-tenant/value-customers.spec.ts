import { expect, test } from "@playwright/test";
import { CONTOSO, NORTHWIND, expectNotFound, signIn } from "../helpers";

test("another tenant's customer pages answer 404", async ({ page, browser }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/value/customers`);
  const href = await page.getByTestId("customers").locator("tbody tr").first().getByRole("link").getAttribute("href");
  const customerId = href!.split("/").pop()!;

  const other = await browser.newContext();
  const contoso = await other.newPage();
  await signIn(contoso, CONTOSO.steward);
  // the customer id under the steward's own tenant: not found, not leaked
  await expectNotFound(contoso, `/t/${CONTOSO.slug}/value/customers/${customerId}`);
  await expectNotFound(contoso, `/t/${NORTHWIND.slug}/value`);
  await expect(contoso.getByText("Page not found")).toBeVisible();
  await other.close();
});
