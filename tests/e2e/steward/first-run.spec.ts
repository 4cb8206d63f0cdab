import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSidewaysScroll, NORTHWIND, saveScreenshot, signIn } from "../helpers";
import { computeAndPublish } from "../scorecards-helpers";
import { signUpAndVerify } from "../mail-helpers";

/** Downloads a sample file from the setup page and imports it through the bulk import page. */
async function importSample(
  page: Page,
  slug: string,
  kind: "partners" | "customers" | "transactions" | "interactions",
  created: RegExp,
) {
  await page.goto(`/t/${slug}/setup`);
  const label = `Sample ${kind} CSV`;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: label }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`steward-sample-${kind}.csv`);
  const buffer = await readFile((await download.path())!);
  await page.goto(`/t/${slug}/settings/import`);
  await page.getByLabel("What the file holds").selectOption(kind);
  await page.getByLabel("CSV file").setInputFiles({ name: download.suggestedFilename(), mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: /^Import [\d,]+ rows$/ }).click();
  await expect(page.getByTestId("import-summary")).toContainText(created, { timeout: 60_000 });
  await expect(page.getByTestId("import-summary")).toContainText("0 with errors");
}

test("a new sign-up follows the setup checklist with presets and sample files to a first published scorecard", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const started = Date.now();
  const stamp = Date.now();
  const slug = `first-run-${stamp}`;
  await signUpAndVerify(page, {
    name: "Fiona First",
    email: `fiona.${stamp}@first-run.test`,
    password: "a-strong-password-1",
    company: `First Run ${stamp}`,
    slug,
  });

  // The dashboard points a new workspace to its checklist.
  await expect(page.getByTestId("setup-banner")).toContainText("0 of 6 steps done");
  await expect(page.getByTestId("setup-banner")).toContainText("Next: map your touchpoints.");
  await saveScreenshot(page, "dashboard-setup-banner-1440");
  await page.getByRole("link", { name: "Continue setup" }).click();
  await expect(page).toHaveURL(`/t/${slug}/setup`);
  await expect(page.getByTestId("setup-progress")).toHaveText("0 of 6 steps done");
  await saveScreenshot(page, "setup-empty-1440");

  // Presets: touchpoints and standards in one click each.
  await page.getByTestId("preset-DELIVERY").click();
  await expect(page.getByText("Created 2 touchpoints and 4 standards.")).toBeVisible();
  await page.getByTestId("preset-INSTALLER").click();
  await expect(page.getByText("Created 2 touchpoints and 4 standards.")).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId("setup-progress")).toHaveText("2 of 6 steps done");
  await expect(page.getByTestId("setup-step-touchpoints")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("setup-step-standards")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("setup-step-touchpoints")).toContainText("4 touchpoints");

  // Partners from the sample file; applying a preset again assigns them to its touchpoints.
  await importSample(page, slug, "partners", /4 created/);
  await page.goto(`/t/${slug}/setup`);
  await page.getByTestId("preset-DELIVERY").click();
  await expect(page.getByText("Created 0 touchpoints and 0 standards; 4 partner assignments.")).toBeVisible();
  await page.getByTestId("preset-INSTALLER").click();
  await expect(page.getByText("Created 0 touchpoints and 0 standards; 4 partner assignments.")).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId("setup-step-partners")).toContainText("4 partners, 4 assigned to touchpoints");

  // Invite a partner's admin.
  await page.goto(`/t/${slug}/settings`);
  await page.getByLabel("E-mail").fill(`dispatch.${stamp}@swift.test`);
  await page.getByLabel("Role").selectOption("PARTNER_ADMIN");
  await page.getByLabel("Partner").selectOption({ label: "Sample Swift Couriers" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("invite-link")).toBeVisible();

  // Data from the sample files.
  await importSample(page, slug, "customers", /60 created/);
  await importSample(page, slug, "transactions", /[1-9]\d* created/);
  await importSample(page, slug, "interactions", /120 created/);
  await page.goto(`/t/${slug}/setup`);
  await expect(page.getByTestId("setup-progress")).toHaveText("5 of 6 steps done");

  // First recompute and scorecard.
  await page.goto(`/t/${slug}/value`);
  await page.getByRole("button", { name: "Recompute customer values" }).click();
  await expect(page.getByTestId("form-success")).toContainText("Customer values recomputed", { timeout: 150_000 });
  await computeAndPublish(page, slug);

  await page.goto(`/t/${slug}/setup`);
  await expect(page.getByTestId("setup-progress")).toHaveText("6 of 6 steps done — your workspace is set up.");
  const seconds = (Date.now() - started) / 1000;
  test
    .info()
    .annotations.push({ type: "sign-up to first published scorecard", description: `${seconds.toFixed(1)} s` });
  console.log(`first-run: sign-up to first published scorecard in ${seconds.toFixed(1)} s`);
  await saveScreenshot(page, "setup-done-1440");
  await expectNoSidewaysScroll(page, 1440);
  await expectNoSidewaysScroll(page, 390);
  await saveScreenshot(page, "setup-done-390");

  await page.goto(`/t/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`First Run ${stamp}`);
  await expect(page.getByTestId("setup-banner")).toHaveCount(0);
});

test("an analyst sees the checklist but no preset buttons, and may not download samples", async ({ page }) => {
  await signIn(page, NORTHWIND.analyst);
  await page.goto(`/t/${NORTHWIND.slug}/setup`);
  await expect(page.getByTestId("setup-progress")).toContainText("of 6 steps done");
  await expect(page.getByTestId("preset-DELIVERY")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sample partners CSV" })).toHaveCount(0);
  expect((await page.request.get(`/t/${NORTHWIND.slug}/setup/samples/partners`)).status()).toBe(403);
});
