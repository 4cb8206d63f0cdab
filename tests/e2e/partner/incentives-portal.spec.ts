import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// Issue 18 item 2: a partner admin sees its own tier, its history and its payout per month, nobody else's.
test("the partner admin sees its own tier and payouts only", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  await page.goto(`/portal/${NORTHWIND.slug}/incentives`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your incentives");
  await expect(page.getByTestId("portal-tier")).toContainText(/Platinum|Gold|Silver|Bronze|Watch/);
  const rows = page.getByTestId("portal-incentive-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("portal-latest-payout")).toContainText("$");
  // Its own rows only: one per approved month, and no pool totals (other partners' figures).
  const months = await rows.locator("td:first-child").allTextContents();
  expect(new Set(months).size).toBe(months.length);
  expect((await page.locator("main").textContent()) ?? "").not.toContain("Bonus pool");
  // The scorecard shows the tier too.
  await page.goto(`/portal/${NORTHWIND.slug}/scorecard`);
  await expect(page.getByTestId("incentive-tier")).toContainText(/Platinum|Gold|Silver|Bronze|Watch/);
  // The steward's incentive page and payout CSV are not the partner's.
  const steward = await page.request.get(`/t/${NORTHWIND.slug}/incentives`);
  expect(steward.status()).toBe(404);
  const csv = await page.request.get(`/t/${NORTHWIND.slug}/incentives/export?month=2026-01`);
  expect(csv.status()).toBe(404);
});
