import { expect, type Page } from "@playwright/test";
import { NORTHWIND } from "./helpers";

/** Computes and publishes the default month on the scorecards page (or the given one); returns the month (YYYY-MM). */
export async function computeAndPublish(page: Page, tenantSlug = NORTHWIND.slug, requested?: string) {
  await page.goto(`/t/${tenantSlug}/scorecards${requested ? `?month=${requested}` : ""}`);
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
