import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";
import { computeAndPublish } from "../scorecards-helpers";

test("a steward computes, reviews, publishes and exports a month", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  const month = await computeAndPublish(page);

  const rows = page.getByTestId("scorecard-row");
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(rows.first()).toContainText("Published");
  await expect(page.getByTestId("formula-panel")).toBeVisible();

  // the partner's detail: sub-scores with their formulas and the trend
  await rows
    .filter({ hasText: NORTHWIND.partner.partnerName })
    .getByRole("link", { name: NORTHWIND.partner.partnerName })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${NORTHWIND.partner.partnerName} — scorecard`);
  await expect(page.getByTestId("area-compliance")).toContainText("How is this computed?");
  await expect(page.getByTestId("scorecard-summary")).toContainText("Published");
  const partnerId = new URL(page.url()).pathname.split("/").pop()!;

  // the partner's own page shows its latest card, linked to the scorecard
  await page.goto(`/t/${NORTHWIND.slug}/partners/${partnerId}`);
  await expect(page.getByTestId("partner-scorecard")).toContainText("Published");
  await expect(page.getByTestId("partner-scorecard")).toContainText("Overall score");
  await page.getByRole("link", { name: "Open the scorecard →" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${NORTHWIND.partner.partnerName} — scorecard`);

  // exports: CSV (one row per partner, all sub-scores) and PDF
  await page.goto(`/t/${NORTHWIND.slug}/scorecards?month=${month}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`scorecards-northwind-${month}.csv`);
  const csv = await page.request.get(`/t/${NORTHWIND.slug}/scorecards/export?month=${month}&format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain(
    "Standards compliance,Customer experience,Incident performance,Customer value,Partner engagement,Overall score",
  );
  expect(lines.length - 1).toBe(await rows.count());
  const pdf = await page.request.get(`/t/${NORTHWIND.slug}/scorecards/export?month=${month}&format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // the published export, rendered and stored by the background job that publishing queued
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("published-export")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const [stored] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Published CSV" }).click(),
  ]);
  expect(stored.suggestedFilename()).toBe(`scorecards-northwind-${month}.csv`);
  const storedCsv = await page.request.get(
    `/t/${NORTHWIND.slug}/scorecards/export/published?month=${month}&format=csv`,
  );
  expect(storedCsv.status()).toBe(200);
  const storedLines = (await storedCsv.text()).trim().split("\r\n");
  expect(storedLines.length - 1).toBe(await rows.count());
  expect(storedLines.slice(1).every((l) => l.includes("PUBLISHED"))).toBe(true);
  const storedPdf = await page.request.get(
    `/t/${NORTHWIND.slug}/scorecards/export/published?month=${month}&format=pdf`,
  );
  expect(storedPdf.headers()["content-type"]).toBe("application/pdf");
  expect((await storedPdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // the dashboard now shows the month's scores
  await page.goto(`/t/${NORTHWIND.slug}`);
  await expect(page.getByTestId("average-score")).toHaveText(/\d+\.\d/);
  await expect(page.getByTestId("tile-equity")).not.toHaveText("—");
});

test("bad weights are refused with a clear message", async ({ page }) => {
  await signIn(page, NORTHWIND.owner);
  await page.goto(`/t/${NORTHWIND.slug}/settings/scorecards`);
  await page.getByLabel("Standards compliance").fill("30");
  await expect(page.getByTestId("weights-sum")).toContainText("must add up to 100");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("form-error").first()).toContainText("Weights must add up to 100; they add up to 105");
  await expect(page.getByLabel("Standards compliance")).toHaveValue("30");
});
