import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// The real scheduler escalates (no test hook): the LOW policy is set to 1 minute to acknowledge
// until the escalation is seen, so the new incident is overdue after a minute and the next sweep
// (every 30 s) escalates it, with nobody opening a page.
test("an overdue incident appears escalated in the inbox", async ({ page }) => {
  test.setTimeout(240_000);
  const title = `Installer no-show ${Date.now()}`;
  let incidentUrl = "";
  await signIn(page, NORTHWIND.owner);
  const setLowAck = async (minutes: string) => {
    await page.goto(`/t/${NORTHWIND.slug}/settings/sla`);
    const form = page.getByRole("form", { name: "Low policy" });
    await form.getByLabel("Time to acknowledge (minutes)").fill(minutes);
    await form.getByRole("button", { name: "Save low policy" }).click();
    await expect(form.getByTestId("form-success")).toBeVisible();
  };
  await setLowAck("1");
  try {
    await page.goto(`/t/${NORTHWIND.slug}/incidents/new`);
    await page.getByLabel("Partner").selectOption({ label: NORTHWIND.partner.partnerName });
    await page.getByLabel("Touchpoint").selectOption({ index: 1 });
    await page.getByLabel("Severity").selectOption("LOW");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("The installer never arrived for the appointment.");
    await page.getByRole("button", { name: "Open incident" }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentUrl = page.url();
    await expect(page.getByTestId("escalation-level")).toContainText("1 · Partner");

    const row = page.getByTestId("inbox-row").filter({ hasText: title });
    await expect(async () => {
      await page.goto(`/t/${NORTHWIND.slug}/incidents?severity=LOW`);
      await expect(row.getByTestId("level")).toHaveText("Escalated L2", { timeout: 1_000 });
    }).toPass({ timeout: 180_000, intervals: [5_000] });
    await expect(row.getByTestId("sla-clock")).toContainText("Overdue");
    // Overdue comes first among LOW incidents that need work, and the nav badge counts it.
    await expect(page.getByRole("link", { name: /Incidents & escalations\s*\d+/ })).toBeVisible();
    await row.getByRole("link", { name: /^INC-/ }).click();
    await expect(page.getByTestId("escalation-level")).toContainText("2 · Channel manager");
  } finally {
    // Saving a policy re-targets the open incidents of its severity (lib/incidents/refresh-deadlines.ts).
    await setLowAck("1440");
  }
  // The escalation stays on the record after the policy is relaxed again.
  await page.goto(incidentUrl);
  await expect(page.getByTestId("escalation-level")).toContainText("2 · Channel manager");
  await expect(page.getByTestId("timeline")).toContainText(
    "Escalated to level 2 (Channel manager): not acknowledged in time",
  );
});
