import { expect, test, type Page } from "@playwright/test";
import { NORTHWIND, expectNotFound, signIn } from "../helpers";

const run = Date.now().toString(36);
const base = `/t/${NORTHWIND.slug}`;

async function createTouchpoint(page: Page, name: string) {
  await page.goto(`${base}/touchpoints`);
  const form = page.getByRole("form", { name: "New touchpoint" });
  await form.getByLabel("Touchpoint name").fill(name);
  await form.getByLabel("Stage").fill("convert");
  await form.getByRole("button", { name: "Add touchpoint" }).click();
  await expect(page.getByTestId("touchpoint-card").filter({ hasText: name })).toBeVisible();
}

async function assign(page: Page, touchpoint: string, partner: string) {
  const card = page.getByTestId("touchpoint-card").filter({ hasText: touchpoint });
  await card.getByLabel(`Assign a partner to ${touchpoint}`).selectOption({ label: partner });
  await card.getByRole("button", { name: "Assign" }).click();
  await expect(card.getByRole("link", { name: partner })).toBeVisible();
}

test("a steward creates a partner, assigns it, defines a standard, records assessments and sees compliance change", async ({
  page,
}) => {
  const partner = `E2E Movers ${run}`;
  const touchpoint = `E2E Doorstep ${run}`;
  const standard = `E2E On-time ${run}`;
  await signIn(page, NORTHWIND.steward);

  // Create: bad input first (nothing is created), then a valid partner.
  await page.goto(`${base}/partners`);
  await page.getByRole("link", { name: "New partner" }).click();
  await page.getByRole("button", { name: "Create partner" }).click();
  await expect(page.getByText("Enter the partner's name (at least 2 characters)")).toBeVisible();
  await expect(page.getByText("Enter the region the partner serves")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(partner);
  await page.getByLabel("Region").fill("North");
  await page.getByLabel("Website").fill("not a url");
  await page.getByRole("button", { name: "Create partner" }).click();
  await expect(page.getByText("The website must start with http:// or https://")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(partner);
  await page.getByLabel("Website").fill("https://movers.test");
  await page.getByRole("button", { name: "Create partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partner })).toBeVisible();
  await expect(page.getByTestId("partner-status")).toHaveText("Prospect");
  await expect(page.getByTestId("partner-compliance")).toHaveText("not assessed");

  // Lifecycle: a reason is required; the change lands in the history.
  await page.getByLabel("Move to").selectOption({ label: "Vetting" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("Give a reason (at least 5 characters)")).toBeVisible();
  await expect(page.getByTestId("partner-status")).toHaveText("Prospect");
  await page.getByLabel("Reason").fill("Shortlisted after the intro call");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("partner-status")).toHaveText("Vetting");
  await expect(page.getByTestId("partner-history")).toContainText("PROSPECT → VETTING");
  await expect(page.getByTestId("partner-history")).toContainText("Shortlisted after the intro call");
  const partnerUrl = page.url();

  // The list finds it by search.
  await page.goto(`${base}/partners?q=${encodeURIComponent(partner)}`);
  await expect(page.getByTestId("partner-row")).toHaveCount(1);
  await expect(page.getByTestId("partner-row")).toContainText("Vetting");

  // Journey map: a new touchpoint with the partner assigned.
  await createTouchpoint(page, touchpoint);
  await assign(page, touchpoint, partner);

  // Standard: bad target refused, then a valid one.
  await page.goto(`${base}/standards`);
  const form = page.getByRole("form", { name: "New standard" });
  await form.getByLabel("Touchpoint").selectOption({ label: touchpoint });
  await form.getByLabel("Standard name").fill(standard);
  await form.getByLabel("Target").fill("150");
  await form.getByRole("button", { name: "Add standard" }).click();
  await expect(form.getByText("Invalid target: A percentage must be between 0 and 100")).toBeVisible();
  await form.getByLabel("Target").fill("95");
  await form.getByLabel("Weight").fill("2");
  await form.getByRole("button", { name: "Add standard" }).click();
  await expect(form.getByText("Standard added to the library.")).toBeVisible();
  await expect(page.getByTestId("standard-item").filter({ hasText: standard })).toContainText("≥ 95%");

  // Assessment: met is computed.
  const record = page.getByRole("form", { name: "Record an assessment" });
  await record.getByLabel("Partner").selectOption({ label: partner });
  await record.getByLabel("Standard", { exact: true }).selectOption({ label: `${standard} (${touchpoint})` });
  await record.getByLabel("Measured value").fill("101");
  await record.getByRole("button", { name: "Record assessment" }).click();
  await expect(record.getByText("A percentage must be between 0 and 100.")).toBeVisible();
  await record.getByLabel("Measured value").fill("97");
  await record.getByRole("button", { name: "Record assessment" }).click();
  await expect(record.getByText("Assessment recorded: target met.")).toBeVisible();
  await expect(page.getByTestId("compliance-row").filter({ hasText: partner })).toContainText("100.0%");

  await page.goto(partnerUrl);
  await expect(page.getByTestId("partner-compliance")).toHaveText("100.0%");
  await expect(page.getByTestId("partner-standards")).toContainText(standard);

  // A later, missed measurement of the same month replaces it: compliance drops.
  await page.goto(`${base}/standards`);
  await record.getByLabel("Partner").selectOption({ label: partner });
  await record.getByLabel("Standard", { exact: true }).selectOption({ label: `${standard} (${touchpoint})` });
  await record.getByLabel("Measured value").fill("80");
  await record.getByRole("button", { name: "Record assessment" }).click();
  await expect(record.getByText("Assessment recorded: target not met.")).toBeVisible();
  await page.goto(partnerUrl);
  await expect(page.getByTestId("partner-compliance")).toHaveText("0.0%");
});

test("an analyst reads partners but gets no write controls; unknown ids are 404", async ({ page }) => {
  await signIn(page, NORTHWIND.analyst);
  await page.goto(`${base}/partners`);
  await expect(page.getByTestId("partner-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "New partner" })).toHaveCount(0);
  await page.getByTestId("partner-row").first().getByRole("link").click();
  await expect(page.getByTestId("partner-profile")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change status" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit partner" })).toHaveCount(0);
  await expectNotFound(page, `${base}/partners/no-such-partner`);
  const forbidden = await page.goto(`${base}/partners/new`);
  expect(forbidden?.status()).toBe(403);
});

test("the partner list sorts, filters and paginates through the URL", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`${base}/partners`);
  await expect(page.getByTestId("pagination-summary")).toContainText("Page 1 of");
  await page.getByRole("link", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  const names = await page.getByTestId("partner-row").locator("td:first-child").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
  await page.getByLabel("Status").selectOption({ label: "Active" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=ACTIVE/);
  for (const status of await page.getByTestId("partner-status").allTextContents()) expect(status).toBe("Active");
});
