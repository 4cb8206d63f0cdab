import { expect, test } from "@playwright/test";
import { CONTOSO, NORTHWIND, expectNotFound, signIn } from "../helpers";

test("a partner signs in and sees only its own portal", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  await expect(page).toHaveURL(`/portal/${NORTHWIND.slug}`);
  const nav = page.getByRole("navigation", { name: /^Partner portal · / });
  for (const item of ["Overview", "Scorecard", "Incidents", "Standards", "Partner survey"])
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Swift Couriers");
  await expect(page.getByTestId("partner-facts")).toContainText("Delivery");
  await expect(page.getByRole("link", { name: "Partners" })).toHaveCount(0);
});

test("a partner opening a steward URL or another tenant's URL gets 404", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  for (const path of [
    `/t/${NORTHWIND.slug}`,
    `/t/${NORTHWIND.slug}/partners`,
    `/t/${NORTHWIND.slug}/settings`,
    `/t/${CONTOSO.slug}`,
    `/portal/${CONTOSO.slug}`,
    `/t/no-such-tenant`,
  ])
    await expectNotFound(page, path);
});
