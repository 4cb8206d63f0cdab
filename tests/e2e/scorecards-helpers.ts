import { expect, type Page } from "@playwright/test";
import { NORTHWIND } from "./helpers";

/** Computes and publishes the default month (last month) on the scorecards page; returns the month (YYYY-MM). */
export async function computeAndPublish(page: Page, tenantSlug = NORTHWIND.slug) {
  await page.goto(`/t/${tenantSlug}/scorecards`);
  const month = await page.getByLabel("Month", { exact: true }).inputValue();
  const controls = page.getByTestId("month-controls");
  await controls.getByRole("button", { name: /Compute draft|Recompute draft/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Compute" }).click();
  await expect(page.getByTestId("form-success")).toContainText("Draft computed for");
  await expect(page.getByTestId("month-state")).toContainText("Draft");
  await controls.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("form-success")).toContainText("Published");
  await expect(page.getByTestId("month-state")).toContainText("Published");
  return month;
}
