import { expect, test } from "@playwright/test";
import { expectNoSidewaysScroll, NORTHWIND, saveScreenshot, signIn, tabTo } from "../helpers";

test("the partner admin's portal home: what needs them now, their latest score and quartile, help by keyboard", async ({
  page,
}) => {
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
  await expect(page.getByTestId("network-quartile")).toContainText(
    /(Top|Second|Third|Bottom) quartile of \d+ delivery partners/,
  );
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
