import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// The scoring rules (docs/scorecards.md) as a help page, linked from every scorecard's formula panel.
test("the scorecard rules page reads the document, at desktop and phone widths without sideways scroll", async ({
  page,
}) => {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/help/scorecards");
    await expect(page.getByRole("heading", { level: 1, name: "How partner scorecards are computed" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Rounding" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Incident performance" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test("the steward's scorecards page links to the rules", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/scorecards`);
  await page.getByText("How are the scores computed?").click();
  await page.getByRole("link", { name: "How partner scorecards are computed" }).click();
  await expect(page).toHaveURL(/\/help\/scorecards$/);
  await expect(page.getByRole("heading", { name: "Worked example" })).toBeVisible();
});
