import { expect, test, type Browser, type Page } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// Issue 18 item 1, per persona: a steward opens a corrective-action plan from a Probation scorecard and proposes it,
// the partner's admin accepts it and posts evidence in the portal, the steward verifies the action and closes the
// plan; the analyst sees plans read-only. Every current demo partner has an admin, `<partner-slug>.admin@…`.

const PASSWORD = NORTHWIND.owner.password;
const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

async function as(browser: Browser, login: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  return page;
}

test("a plan from a Probation scorecard is accepted and evidenced by the partner and verified by the steward", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const steward = await as(browser, NORTHWIND.steward);
  await steward.goto("/t/northwind/plans");
  const suggestion = steward
    .getByTestId("scorecard-suggestions")
    .getByRole("listitem")
    .filter({ hasText: "Probation" })
    .first();
  await expect(suggestion).toBeVisible();
  const partnerName = (await suggestion.getByRole("link").first().textContent())!.trim();
  await suggestion.getByRole("button", { name: "Open a plan" }).click();
  await steward.waitForURL(/\/t\/northwind\/plans\/[\w-]{8,}$/);
  const planUrl = new URL(steward.url()).pathname;
  const planId = planUrl.split("/").pop()!;
  await expect(steward.getByTestId("plan-summary").getByTestId("plan-status")).toHaveText("Draft");
  await expect(steward.getByTestId("plan-summary")).toContainText(/Scorecard of .+: Probation/);

  // One action: owned by the partner's admin, due in a month, moving the overall score to 65.
  const form = steward.getByTestId("add-action-form");
  await form.getByLabel("Action").fill("Add a back-up driver to every weekend route");
  await form.getByLabel("Owner on the partner's side").selectOption({ index: 1 });
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Due date").fill(due);
  await form.getByLabel("Target").fill("65");
  await form.getByRole("button", { name: "Add the action" }).click();
  await expect(steward.getByTestId("plan-action")).toHaveCount(1);
  await expect(steward.getByTestId("plan-action")).toContainText("Add a back-up driver to every weekend route");
  await steward.getByRole("button", { name: "Propose to the partner" }).click();
  await expect(steward.getByTestId("plan-summary").getByTestId("plan-status")).toHaveText("Proposed");

  // The partner's admin accepts it and posts evidence that completes the action.
  const partner = await as(browser, { email: `${slugify(partnerName)}.admin@northwind.test`, password: PASSWORD });
  await partner.goto("/portal/northwind/plans");
  await partner.locator(`a[href="/portal/northwind/plans/${planId}"]`).click();
  await partner.waitForURL(`**/portal/northwind/plans/${planId}`);
  await partner.getByRole("button", { name: "Accept the plan" }).click();
  await expect(partner.getByTestId("plan-summary").getByTestId("plan-status")).toHaveText("Accepted");
  await partner.getByRole("button", { name: "Post evidence" }).click();
  const evidence = partner.getByTestId("evidence-form");
  await evidence.getByLabel("Evidence").fill("Weekend rota with back-up drivers for all 12 routes");
  await evidence.getByLabel("Link (optional)").fill("https://example.com/weekend-rota.pdf");
  await evidence.getByLabel("This completes the action: mark it done").check();
  await evidence.getByRole("button", { name: "Post the evidence" }).click();
  await expect(partner.getByTestId("action-status")).toHaveText("Done, awaiting verification");
  await expect(partner.getByTestId("plan-summary").getByTestId("plan-status")).toHaveText("In progress");
  await expect(partner.getByTestId("plan-timeline")).toContainText(
    "Weekend rota with back-up drivers for all 12 routes",
  );
  await partner.goto("/portal/northwind");
  await expect(partner.getByTestId("plan-panel")).toContainText("1 of 1 action done");

  // The plan and its progress show next to the partner's scorecard.
  await steward.goto(planUrl);
  await steward.getByRole("link", { name: /Scorecard of/ }).click();
  await expect(steward.getByTestId("plan-panel")).toContainText("1 of 1 action done");

  // The steward verifies the action and closes the plan; every step is on the timeline.
  await steward.goto(planUrl);
  await steward.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(steward.getByTestId("action-status")).toHaveText("Verified");
  await steward.getByRole("button", { name: "Close as verified" }).click();
  await expect(steward.getByTestId("plan-summary").getByTestId("plan-status")).toHaveText("Verified");
  const timeline = steward.getByTestId("plan-timeline");
  for (const step of [
    "Plan opened",
    "Action added",
    "Proposed to the partner",
    "Accepted by the partner",
    "Evidence posted",
    "Action marked done",
    "Action verified",
    "Plan verified and closed",
  ])
    await expect(timeline).toContainText(step);

  // The analyst reads the same plan, with no control to change it.
  const analyst = await as(browser, NORTHWIND.analyst);
  await analyst.goto(planUrl);
  await expect(analyst.getByTestId("plan-summary").getByTestId("plan-status")).toHaveText("Verified");
  await expect(analyst.getByTestId("read-only-note")).toBeVisible();
  await expect(analyst.getByRole("button", { name: "Verify", exact: true })).toHaveCount(0);
  await analyst.goto("/t/northwind/plans");
  await expect(analyst.getByTestId("plan-row").first()).toBeVisible();
  await expect(analyst.getByRole("button", { name: "Open a plan" })).toHaveCount(0);
});
