import { expect, test } from "@playwright/test";
import { expectNoSidewaysScroll, NORTHWIND, saveScreenshot, signIn, tabTo } from "../helpers";

test("a steward's help next to CLV, P(alive) and the sub-scores: keyboard disclosure with links to the settings", async ({
  page,
}) => {
  await signIn(page, NORTHWIND.steward);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/t/${NORTHWIND.slug}/value/customers`);
  await page.getByRole("heading", { level: 1 }).click();
  await tabTo(page, "What is P(alive)?");
  await page.keyboard.press("Enter");
  const help = page.getByTestId("help-pAlive");
  await expect(help).toBeVisible();
  await expect(help).toContainText("The probability that the customer still buys from you");
  await expect(help.getByRole("link", { name: /Value settings/ })).toHaveAttribute(
    "href",
    `/t/${NORTHWIND.slug}/settings/value`,
  );
  // The open panel stays inside a phone's viewport.
  const box = (await help.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page, 390);
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/customers-help-palive-390.png` });
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/t/${NORTHWIND.slug}/value`);
  for (const topic of ["Customer equity", "Customer lifetime value (CLV)", "Equity at risk"])
    await expect(page.getByRole("button", { name: `What is ${topic}?` })).toBeVisible();
  // Every chart has a one-line text alternative.
  const charts = page.locator('div[role="img"]');
  expect(await charts.count()).toBeGreaterThan(1);
  for (let i = 0; i < (await charts.count()); i++)
    await expect(charts.nth(i)).toHaveAttribute("aria-describedby", /.+/);
  await expect(page.getByTestId("chart-summary").first()).toContainText(/Customer equity (went from|was)/);

  await page.goto(`/t/${NORTHWIND.slug}/scorecards`);
  await page
    .getByTestId("scorecard-row")
    .filter({ hasText: NORTHWIND.partner.partnerName })
    .getByRole("link", { name: NORTHWIND.partner.partnerName })
    .click();
  await expect(page).toHaveURL(new RegExp(`/t/${NORTHWIND.slug}/scorecards/[^/?]+`));
  for (const area of [
    "Standards compliance",
    "Customer experience",
    "Incident performance",
    "Customer value",
    "Partner engagement",
  ]) {
    await expect(page.getByRole("button", { name: `What is ${area}?` })).toBeVisible();
  }
  await page.getByRole("button", { name: "What is Customer value?" }).click();
  await expect(
    page.getByTestId("help-value").getByRole("link", { name: "Scorecard weights and thresholds" }),
  ).toHaveAttribute("href", `/t/${NORTHWIND.slug}/settings/scorecards`);
  await saveScreenshot(page, "scorecard-help-value-1440");
});
