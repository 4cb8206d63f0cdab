import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { seriousAxeViolations } from "../axe";
import { expectNoSidewaysScroll, NORTHWIND, signIn } from "../helpers";

// Issue 19, items 1, 5 and 6 on the demo tenant: a customer answers a survey on a phone, the steward reads the
// comments and the Pareto of causes, a partner admin sees only its own comments, and the save list exports.

test("a customer answers a survey link at 390 px, once", async ({ page, browser }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto("/t/northwind/feedback");
  const cell = page.getByTestId("feedback-links").locator("td[data-url]").first();
  const url = new URL((await cell.getAttribute("data-url"))!);
  const customer = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await customer.newPage();
  await phone.goto(url.pathname);
  await expect(phone.getByRole("heading", { name: /^How was/ })).toBeVisible();
  await expectNoSidewaysScroll(phone, 390);
  expect(await seriousAxeViolations(phone)).toEqual([]);
  // Sending without choosing says what is missing.
  await phone.getByRole("button", { name: "Send my answer" }).click();
  await expect(phone.getByTestId("field-error").first()).toContainText("from 1 to 5");
  const satisfaction = phone.getByRole("group", { name: "How satisfied were you?" });
  await satisfaction.getByRole("radio", { name: "2" }).check();
  const recommend = phone.getByRole("group", { name: /How likely are you to recommend/ });
  await recommend.getByRole("radio", { name: "4", exact: true }).check();
  await phone.getByLabel("What should we keep or change? (optional)").fill("The driver never rang the bell.");
  await phone.getByRole("button", { name: "Send my answer" }).click();
  await expect(phone.getByTestId("survey-thanks")).toBeVisible();
  expect(await seriousAxeViolations(phone)).toEqual([]);
  await phone.reload();
  await expect(phone.getByTestId("survey-problem")).toContainText("already answered");
  // The same link lets the customer stop every later survey (a button: a scanner following the link stops nothing).
  await phone.getByRole("button", { name: "Stop asking me" }).click();
  await expect(phone.getByTestId("surveys-stopped")).toContainText("will not send you surveys again");
  await expectNoSidewaysScroll(phone, 390);
  expect(await seriousAxeViolations(phone)).toEqual([]);
  await customer.close();
  // The steward finds the answer among the unhappy ones.
  await page.goto("/t/northwind/feedback?score=low");
  await expect(page.getByTestId("feedback-comments")).toContainText("The driver never rang the bell.");
});

test("a steward reads the comments by score and the Pareto of causes", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto("/t/northwind/feedback");
  await expect(page.getByTestId("feedback-summary").locator("tbody tr").first()).toBeVisible();
  await page.getByLabel("Score", { exact: true }).selectOption("high");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/score=high/);
  const scores = await page.getByTestId("feedback-comments").locator("li p.font-medium").allTextContents();
  expect(scores.length).toBeGreaterThan(0);
  for (const s of scores) expect(s).toMatch(/^CSAT [45] of 5/);
  await expect(page.getByTestId("pagination-summary").first()).toContainText("answers");

  await page.goto("/t/northwind/value/costs");
  await expect(page.getByTestId("cost-totals")).toContainText("Total");
  const pareto = page.getByTestId("pareto").locator("tbody tr");
  expect(await pareto.count()).toBeGreaterThan(2);
  await expect(pareto.last().locator("td").last()).toHaveText("100.0 %");
  await expect(page.getByTestId("chart-summary")).toContainText("causes put");
  await expect(page.getByTestId("cost-rows").locator("tbody tr").first()).toBeVisible();
});

test("a partner admin sees only its own customers' comments", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  await page.goto("/portal/northwind/feedback");
  await expect(page.getByRole("heading", { name: "Customer feedback", exact: true })).toBeVisible();
  await expect(page.getByLabel("Partner", { exact: true })).toHaveCount(0);
  const partners = await page.getByTestId("feedback-summary").locator("tbody tr td:first-child").allTextContents();
  expect(partners.length).toBeGreaterThan(0);
  expect(new Set(partners)).toEqual(new Set([NORTHWIND.partner.partnerName]));
  const meta = await page.getByTestId("feedback-comments").locator("li p").first().textContent();
  expect(meta).toContain(NORTHWIND.partner.partnerName);
});

test("the steward exports the customers to save and opens one", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto("/t/northwind/value/save");
  const rows = page.getByTestId("save-list").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = (await readFile((await download.path())!)).toString("utf8").trim().split("\r\n");
  expect(csv[0]).toMatch(/^Customer id,Customer,Reference,Segment,CLV,/);
  expect(csv.length).toBeGreaterThan(1);
  const name = (await rows.first().locator("td a").textContent())!.trim();
  await rows.first().locator("td a").click();
  await expect(page).toHaveURL(/\/t\/northwind\/value\/customers\//);
  await expect(page.getByRole("heading", { name })).toBeVisible();
});

test("an owner sets how often customers are surveyed and how long links work", async ({ page }) => {
  await signIn(page, NORTHWIND.owner);
  await page.goto("/t/northwind/settings/value");
  const form = page.getByRole("form", { name: "Customer surveys" });
  const every = form.getByLabel("Days between surveys");
  const lifetime = form.getByLabel("Survey link lifetime (days)");
  const [everyBefore, lifetimeBefore] = [await every.inputValue(), await lifetime.inputValue()];
  // Out of range: a clear message, nothing saved.
  await lifetime.fill("400");
  await form.getByRole("button", { name: "Save survey settings" }).click();
  await expect(form.getByTestId("field-error")).toContainText("at most 90 days");
  await every.fill("45");
  await lifetime.fill("21");
  await form.getByRole("button", { name: "Save survey settings" }).click();
  await expect(form.getByTestId("form-success")).toContainText("at most every 45 days; links work 21 days");
  await page.reload();
  await expect(form.getByLabel("Days between surveys")).toHaveValue("45");
  await expect(form.getByLabel("Survey link lifetime (days)")).toHaveValue("21");
  // Put the demo's values back for the other specs.
  await form.getByLabel("Days between surveys").fill(everyBefore);
  await form.getByLabel("Survey link lifetime (days)").fill(lifetimeBefore);
  await form.getByRole("button", { name: "Save survey settings" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
});
