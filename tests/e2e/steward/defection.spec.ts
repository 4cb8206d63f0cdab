import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// The demo plants a defection effect after incidents and a come-back after good service
// (lib/seed/demo-defection.ts) and stores its first measurement: the page reads the stored result,
// and a steward's "Measure again" runs the defection job on the worker, off the request.

test("a steward reads measured defection next to the survey figures and switches equity at risk to it", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/value`);
  await page.getByRole("link", { name: "Defection" }).click();
  await expect(page.getByRole("heading", { name: "Defection", exact: true })).toBeVisible();

  const b2c = page.getByTestId("defection-bad-B2C");
  await expect(b2c).toContainText("52 %"); // the survey figure beside the measurement
  await expect(b2c).toContainText(/\d+ % \(95 % interval \d+ % to \d+ %\)/);
  // B2B has too few incident customers in the demo: said, not guessed.
  await expect(page.getByTestId("defection-bad-B2B")).toContainText("Too little data");
  await expect(page.getByTestId("defection-good-B2C")).toContainText("42 %");
  await expect(page.getByTestId("defection-good-B2C")).toContainText(/\+\d+ % \(95 % interval/);
  await expect(page.getByTestId("defection-basis")).toContainText("survey figures");
  const computed = page.getByTestId("defection-computed");
  await expect(computed).toContainText(/Measured \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  const first = await computed.textContent();

  // A fresh measurement is queued, runs on the job worker, and the page shows its new time.
  await page.getByRole("button", { name: "Measure again" }).click();
  await expect(page.getByRole("button", { name: "Measuring…" })).toBeDisabled();
  await expect(computed).not.toHaveText(first ?? "", { timeout: 90_000 });
  await expect(computed).toContainText(/Measured \d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("button", { name: "Measure again" })).toBeEnabled({ timeout: 30_000 });
  await expect(b2c).toContainText(/\d+ % \(95 % interval \d+ % to \d+ %\)/);

  await page.getByRole("button", { name: "Use the measured rates for equity at risk" }).click();
  await page.getByRole("button", { name: "Use measured rates" }).click();
  await expect(page.getByTestId("defection-basis")).toContainText("defection measured from your customers", {
    timeout: 60_000,
  });
  await expect(page.getByTestId("defection-basis")).toContainText("(survey: too little data)");

  // Equity at risk names its basis on the value page and the dashboard.
  await page.goto(`/t/${NORTHWIND.slug}/value`);
  await expect(page.getByTestId("churn-basis")).toContainText("defection measured from your customers");
  await page.goto(`/t/${NORTHWIND.slug}`);
  await expect(page.getByText(/incidents in the last 30 days, measured defection rates/)).toBeVisible();

  // and back, so other specs see the demo as seeded
  await page.goto(`/t/${NORTHWIND.slug}/value/defection`);
  await page.getByRole("button", { name: "Go back to the survey figures" }).click();
  await page.getByRole("button", { name: "Use survey figures" }).click();
  await expect(page.getByTestId("defection-basis")).toContainText("survey figures", { timeout: 60_000 });
});

test("an analyst reads the figures but cannot switch the basis", async ({ page }) => {
  await signIn(page, NORTHWIND.analyst);
  await page.goto(`/t/${NORTHWIND.slug}/value/defection`);
  await expect(page.getByTestId("defection-bad-B2C")).toContainText("52 %");
  await expect(page.getByTestId("defection-good-B2B")).toContainText("62 %");
  await expect(page.getByRole("button", { name: /measured rates|survey figures/ })).toHaveCount(0);
  await expect(page.getByText("A steward can switch between the survey figures and the measured rates.")).toBeVisible();
  await expect(page.getByTestId("defection-computed")).toContainText("Measured");
  await expect(page.getByRole("button", { name: /^Measure (again|defection now)$/ })).toHaveCount(0);
});
