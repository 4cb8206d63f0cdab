import { expect, test } from "@playwright/test";
import { CONTOSO, NORTHWIND, expectNotFound, signIn } from "../helpers";

test("scorecards and their exports of another tenant answer 404", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/partners`);
  const href = await page.getByTestId("partner-row").first().getByRole("link").getAttribute("href");
  const northwindPartnerId = href!.split("/").pop()!;
  await page.context().clearCookies();

  await signIn(page, CONTOSO.steward);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/scorecards`);
  await expectNotFound(page, `/t/${CONTOSO.slug}/scorecards/${northwindPartnerId}`);
  const foreign = await page.request.get(`/t/${NORTHWIND.slug}/scorecards/export?month=2026-01&format=csv`);
  expect(foreign.status()).toBe(404);
  const notMember = await page
    .context()
    .request.get(`/portal/${NORTHWIND.slug}/scorecard/export?month=2026-01&format=csv`);
  expect(notMember.status()).toBe(404);
});
