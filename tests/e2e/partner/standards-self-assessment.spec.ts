import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

const run = Date.now().toString(36);
const base = `/t/${NORTHWIND.slug}`;

test("the partner acknowledges and self-assesses a standard; the steward verifies it", async ({ browser }) => {
  const touchpoint = `E2E Handover ${run}`;
  const standard = `E2E Photo proof ${run}`;
  const stewardContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  const steward = await stewardContext.newPage();
  const partner = await partnerContext.newPage();

  // Steward: a touchpoint handled by Swift Couriers with a pass/fail standard.
  await signIn(steward, NORTHWIND.steward);
  await steward.goto(`${base}/touchpoints`);
  const tpForm = steward.getByRole("form", { name: "New touchpoint" });
  await tpForm.getByLabel("Touchpoint name").fill(touchpoint);
  await tpForm.getByLabel("Stage").fill("engage");
  await tpForm.getByRole("button", { name: "Add touchpoint" }).click();
  const card = steward.getByTestId("touchpoint-card").filter({ hasText: touchpoint });
  await card.getByLabel(`Assign a partner to ${touchpoint}`).selectOption({ label: NORTHWIND.partner.partnerName });
  await card.getByRole("button", { name: "Assign" }).click();
  await expect(card.getByRole("link", { name: NORTHWIND.partner.partnerName })).toBeVisible();
  await steward.goto(`${base}/standards`);
  const form = steward.getByRole("form", { name: "New standard" });
  await form.getByLabel("Touchpoint").selectOption({ label: touchpoint });
  await form.getByLabel("Standard name").fill(standard);
  await form.getByLabel("Metric kind").selectOption({ label: "Pass / fail" });
  await form.getByRole("button", { name: "Add standard" }).click();
  await expect(form.getByText("Standard added to the library.")).toBeVisible();

  // Partner: acknowledge (the box must be ticked), then self-assess with evidence.
  await signIn(partner, NORTHWIND.partner);
  await partner.goto(`/portal/${NORTHWIND.slug}/standards`);
  const item = partner.getByTestId("portal-standard").filter({ hasText: standard });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Acknowledge" }).click();
  await expect(item.getByText("Confirm that your team has read and trained on this standard")).toBeVisible();
  await item.getByLabel("We have read and trained on this standard").check();
  await item.getByRole("button", { name: "Acknowledge" }).click();
  await expect(item.getByTestId("acknowledged")).toBeVisible();

  await item.getByLabel("Measured value").fill("1");
  await item.getByLabel("Evidence", { exact: true }).fill("short");
  await item.getByRole("button", { name: "Submit self-assessment" }).click();
  await expect(item.getByText("Describe your evidence (at least 10 characters)")).toBeVisible();
  await item.getByLabel("Evidence", { exact: true }).fill("Photo taken at every handover this month");
  await item.getByLabel("Evidence link").fill("https://swift.test/photos");
  await item.getByRole("button", { name: "Submit self-assessment" }).click();
  await expect(item.getByText("Self-assessment sent: it counts once the brand verifies it.")).toBeVisible();
  await expect(item.getByTestId("own-assessments")).toContainText("awaiting verification");
  await expect(item.getByText("not assessed this month")).toBeVisible();

  // Steward: the report is in the verification queue; a rejection needs a reason; verify it.
  await steward.goto(`${base}/standards`);
  const queued = steward.getByTestId("queue-item").filter({ hasText: standard });
  await expect(queued).toContainText("Photo taken at every handover this month");
  await queued.getByRole("button", { name: "Reject" }).click();
  await expect(queued.getByText("Say why you reject it (at least 5 characters)")).toBeVisible();
  await queued.getByRole("button", { name: "Verify" }).click();
  await expect(steward.getByTestId("queue-item").filter({ hasText: standard })).toHaveCount(0);

  // Partner: now verified and counted as met.
  await partner.reload();
  await expect(item.getByTestId("own-assessments")).toContainText("verified");
  await expect(item.getByText("met this month", { exact: true })).toBeVisible();
  await expect(partner.getByTestId("own-compliance")).not.toHaveText("not assessed");

  await stewardContext.close();
  await partnerContext.close();
});

test("the portal shows only the partner's own standards", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  await page.goto(`/portal/${NORTHWIND.slug}/standards`);
  await expect(page.getByRole("heading", { level: 1, name: "Your standards" })).toBeVisible();
  await expect(page.getByTestId("coming-soon")).toHaveCount(0);
});
