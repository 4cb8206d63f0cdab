import { expect, test } from "@playwright/test";
import { NORTHWIND, expectNotFound, signIn } from "../helpers";
import { computeAndPublish } from "../scorecards-helpers";

test("a partner sees, acknowledges and exports only its own published scorecard", async ({ browser }) => {
  // a steward publishes last month first (the spec does not depend on another one)
  const steward = await browser.newContext();
  const stewardPage = await steward.newPage();
  await signIn(stewardPage, NORTHWIND.steward);
  const month = await computeAndPublish(stewardPage);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, NORTHWIND.partner);
  await page.goto(`/portal/${NORTHWIND.slug}/scorecard`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your scorecard");
  await expect(page.getByLabel("Month", { exact: true })).toHaveValue(month);
  await expect(page.getByTestId("scorecard-summary")).toContainText("Overall score");
  await expect(page.getByTestId("area-engagement")).toContainText("How is this computed?");

  const note = `Thanks for the review ${Date.now()}`;
  await page.getByLabel("Your comment").fill(note);
  await page.getByLabel("We have read and acknowledge this scorecard").check();
  await page.getByRole("button", { name: /Acknowledge|Send comment/ }).click();
  await expect(page.getByTestId("scorecard-comments")).toContainText(note);

  // the export holds this partner only
  const csv = await page.request.get(`/portal/${NORTHWIND.slug}/scorecard/export?month=${month}&format=csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(NORTHWIND.partner.partnerName);
  expect(csv.headers()["content-disposition"]).toContain(`scorecards-northwind-${month}-Swift-Couriers.csv`);
  const pdf = await page.request.get(`/portal/${NORTHWIND.slug}/scorecard/export?month=${month}&format=pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // steward pages and the portfolio export are not the partner's
  const portfolio = await page.request.get(`/t/${NORTHWIND.slug}/scorecards/export?month=${month}&format=csv`);
  expect(portfolio.status()).toBe(404);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/scorecards`);

  // the steward sees the comment
  await stewardPage.goto(`/t/${NORTHWIND.slug}/scorecards?month=${month}`);
  await expect(stewardPage.getByTestId("recent-comments")).toContainText(note);
  await steward.close();
  await context.close();
});

test("a partner answers the quarterly survey and can change the answers", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  await page.goto(`/portal/${NORTHWIND.slug}/survey`);
  await page.getByRole("button", { name: /Send my answers|Update my answers/ }).click();
  await expect(page.getByTestId("field-error").first()).toContainText("from 1 to 5");
  for (const [q, n] of [
    ["Communication", 4],
    ["Fairness", 3],
    ["Tools", 5],
    ["Support", 2],
  ] as const)
    await page.getByLabel(`${q}: ${n} of 5`).check();
  await page.getByLabel("Anything else? (optional)").fill("More stock visibility, please.");
  await page.getByRole("button", { name: /Send my answers|Update my answers/ }).click();
  await expect(page.getByTestId("form-success")).toContainText("Thank you");
  await page.reload();
  await expect(page.getByLabel("Tools: 5 of 5")).toBeChecked();
});
