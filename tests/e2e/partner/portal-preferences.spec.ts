import { expect, test } from "@playwright/test";
import { expectNoSidewaysScroll, NORTHWIND, signIn } from "../helpers";

// Issue 16, item 4: partner users choose their own e-mail (level-1 escalations, SLA warnings, published scorecards).

test("a partner admin chooses which e-mail they get, from the portal's navigation; the page fits a phone", async ({
  page,
}) => {
  await signIn(page, NORTHWIND.partner);
  await page.goto(`/portal/${NORTHWIND.slug}`);
  await page.getByRole("link", { name: "E-mail preferences" }).first().click();
  await expect(page).toHaveURL(`/portal/${NORTHWIND.slug}/preferences`);
  await expect(page.getByLabel("SLA warnings")).toHaveValue("IMMEDIATE");
  await page.getByLabel("SLA warnings").selectOption("OFF");
  await page.getByLabel("Published scorecards").selectOption("DIGEST");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Your e-mail preferences are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("SLA warnings")).toHaveValue("OFF");
  await expect(page.getByLabel("Published scorecards")).toHaveValue("DIGEST");
  await expect(page.getByLabel("Escalations")).toHaveValue("IMMEDIATE");
  await expectNoSidewaysScroll(page, 390);
  // put it back for the other specs
  await page.getByLabel("SLA warnings").selectOption("IMMEDIATE");
  await page.getByLabel("Published scorecards").selectOption("IMMEDIATE");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Your e-mail preferences are saved.")).toBeVisible();
});
