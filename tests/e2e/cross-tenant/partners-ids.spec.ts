import { test } from "@playwright/test";
import { CONTOSO, NORTHWIND, expectNotFound, signIn } from "../helpers";

test("a steward opening another tenant's partner id gets 404", async ({ page }) => {
  await signIn(page, CONTOSO.steward);
  await page.goto(`/t/${CONTOSO.slug}/partners`);
  const href = await page.getByTestId("partner-row").first().getByRole("link").getAttribute("href");
  const contosoPartnerId = href!.split("/").pop()!;
  await page.context().clearCookies();
  await signIn(page, NORTHWIND.steward);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/partners/${contosoPartnerId}`);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/partners/${contosoPartnerId}/edit`);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/touchpoints?edit=${contosoPartnerId}`);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/standards?edit=${contosoPartnerId}`);
});
