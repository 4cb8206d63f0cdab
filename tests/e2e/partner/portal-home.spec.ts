import { expect, test, type Page } from "@playwright/test";
import { expectNoSidewaysScroll, NORTHWIND, saveScreenshot, signIn } from "../helpers";

/** Tabs through the page until the element with this accessible name has focus (proves it is keyboard reachable). */
async function tabTo(page: Page, name: string, maxTabs = 80) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached with Tab`);
}

test("the partner admin's portal home: what needs them now, their latest score and quartile, help by keyboard", async ({ page }) => {
  await signIn(page, NORTHWIND.partner, `/portal/${NORTHWIND.slug}`);
  await page.goto(`/portal/${NORTHWIND.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NORTHWIND.partner.partnerName);
  await expect(page.getByRole("heading", { name: "What needs you now" })).toBeVisible();
  await expect(page.getByTestId("todo-incidents")).toContainText(/Incidents awaiting you\s*\d+/);
  await expect(page.getByTestId("todo-acknowledge")).toContainText(/Standards to acknowledge\s*\d+/);
  await expect(page.getByTestId("todo-assessments")).toContainText(/Assessments due for \w+ \d{4}\s*\d+/);
  await expect(page.getByTestId("todo-survey")).toContainText(/Partner survey \d{4} Q[1-4]\s*(Done|To do)/);
  // Open incidents are listed with their SLA clock, and each links to the partner's own incident page.
  const waiting = page.getByTestId("waiting-incidents");
  if (await waiting.count()) {
    await expect(waiting.getByTestId("sla-clock").first()).toBeVisible();
    await waiting.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/portal/${NORTHWIND.slug}/incidents/`));
    await page.goBack();
  }
  const latest = page.getByTestId("latest-score");
  await expect(latest).toContainText(/Score, \w+ \d{4}/);
  await expect(page.getByTestId("network-quartile")).toContainText(/(Top|Second|Third|Bottom) quartile of \d+ delivery partners/);
  await expect(page.getByTestId("network-quartile")).toContainText("Other partners' names and scores are never shown.");
  await saveScreenshot(page, "portal-home-1440");

  // The score's help opens and closes with the keyboard, and focus returns to its button.
  await page.getByRole("heading", { level: 1 }).click();
  await tabTo(page, "What is Overall score?");
  const help = page.getByTestId("help-score");
  await expect(help).toBeHidden();
  const button = page.getByRole("button", { name: "What is Overall score?" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(help).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(help).toContainText("How it is computed");
  await expect(help).toContainText("Scorecard weights and thresholds (set by the brand)");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press("Space");
  await expect(help).toBeVisible();
  await saveScreenshot(page, "portal-home-help-1440");

  await expectNoSidewaysScroll(page, 1440);
  await expectNoSidewaysScroll(page, 390);
  await saveScreenshot(page, "portal-home-390");
});

test("a steward's help next to CLV, P(alive) and the sub-scores: keyboard disclosure with links to the settings", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/value/customers`);
  await page.getByRole("heading", { level: 1 }).click();
  await tabTo(page, "What is P(alive)?");
  await page.keyboard.press("Enter");
  const help = page.getByTestId("help-pAlive");
  await expect(help).toBeVisible();
  await expect(help).toContainText("The probability that the customer still buys from you");
  await expect(help.getByRole("link", { name: /Value settings/ })).toHaveAttribute("href", `/t/${NORTHWIND.slug}/settings/value`);
  await expectNoSidewaysScroll(page, 390);
  await saveScreenshot(page, "customers-help-palive-390");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/t/${NORTHWIND.slug}/value`);
  for (const topic of ["Customer equity", "Customer lifetime value (CLV)", "Equity at risk"])
    await expect(page.getByRole("button", { name: `What is ${topic}?` })).toBeVisible();
  // Every chart has a one-line text alternative.
  const charts = page.getByRole("img");
  for (let i = 0; i < (await charts.count()); i++) await expect(charts.nth(i)).toHaveAttribute("aria-describedby", /.+/);
  await expect(page.getByTestId("chart-summary").first()).toContainText(/Customer equity (went from|was)/);

  await page.goto(`/t/${NORTHWIND.slug}/scorecards`);
  await page.getByTestId("scorecard-row").filter({ hasText: NORTHWIND.partner.partnerName }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/t/${NORTHWIND.slug}/scorecards/[^/?]+`));
  for (const area of ["Standards compliance", "Customer experience", "Incident performance", "Customer value", "Partner engagement"]) {
    await expect(page.getByRole("button", { name: `What is ${area}?` })).toBeVisible();
  }
  await page.getByRole("button", { name: "What is Customer value?" }).click();
  await expect(page.getByTestId("help-value").getByRole("link", { name: "Scorecard weights and thresholds" })).toHaveAttribute(
    "href",
    `/t/${NORTHWIND.slug}/settings/scorecards`,
  );
  await saveScreenshot(page, "scorecard-help-value-1440");
});
