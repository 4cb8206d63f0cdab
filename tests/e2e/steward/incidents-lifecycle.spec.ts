import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

test("a steward and a partner handle an incident from open to closed", async ({ page, browser }) => {
  const title = `Parcel left in the rain ${Date.now()}`;
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/incidents/new`);
  // Bad input: field messages, nothing created.
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByText("Choose the partner")).toBeVisible();
  await page.getByLabel("Partner").selectOption({ label: NORTHWIND.partner.partnerName });
  await page.getByLabel("Touchpoint").selectOption({ index: 1 });
  await page.getByLabel("Severity").selectOption("HIGH");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("The courier left the parcel outside in the rain.");
  await page.getByLabel("Refunds").fill("25");
  await page.getByRole("button", { name: "Open incident" }).click();
  await page.waitForURL(/\/t\/northwind\/incidents\/[0-9a-f-]{36}$/);
  const incidentId = page.url().split("/").pop()!;
  await expect(page.getByTestId("incident-status")).toHaveText("Open");
  await expect(page.getByTestId("sla-clock")).toContainText(/left/);
  // The demo seed computed customer values: a HIGH incident at Swift puts the average CLV × churn of one customer at risk.
  await expect(page.getByTestId("equity-at-risk")).toHaveText(/^\$\d[\d,]*\.\d\d$/);
  await expect(page.getByTestId("equity-at-risk")).not.toHaveText("$0.00");

  await page.getByLabel("Comment or internal note").fill("Third time this month for Swift.");
  await page.getByLabel(/Internal note/).check();
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Third time this month");

  // The partner: the same incident, without the internal note.
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signIn(partner, NORTHWIND.partner);
  await partner.goto(`/portal/${NORTHWIND.slug}/incidents`);
  await partner
    .getByRole("link", { name: /^INC-\d+$/ })
    .first()
    .waitFor();
  await partner.goto(`/portal/${NORTHWIND.slug}/incidents/${incidentId}`);
  await expect(partner.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(partner.getByTestId("timeline")).not.toContainText("Third time this month");
  await expect(partner.getByTestId("equity-at-risk")).toHaveCount(0); // customer values are steward-only
  await partner.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expect(partner.getByTestId("incident-status")).toHaveText("Acknowledged");
  await partner.getByRole("button", { name: "Start work", exact: true }).click();
  await expect(partner.getByTestId("incident-status")).toHaveText("In progress");
  await partner.getByLabel("Respond").fill("We are re-delivering today.");
  await partner.getByRole("button", { name: "Post comment" }).click();
  await expect(partner.getByTestId("timeline")).toContainText("We are re-delivering today.");
  await partner.getByLabel("Extra minutes").fill("240");
  await partner.getByLabel("Why more time is needed").fill("Replacement stock arrives tomorrow");
  await partner.getByRole("button", { name: "Request more time" }).click();
  await expect(partner.getByTestId("extension-pending")).toBeVisible();

  // The steward approves the extension.
  await page.reload();
  await page.getByTestId("extension-request").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Approved 240 more minutes");

  // The partner resolves: root cause and resolution are required.
  await partner.reload();
  await partner.getByRole("button", { name: "Resolve", exact: true }).click();
  await partner.getByRole("button", { name: "Mark resolved" }).click();
  await expect(partner.getByTestId("form-error")).toContainText("requires a root cause and a resolution");
  await partner.getByLabel("Root cause").fill("Driver skipped the doorstep check");
  await partner.getByLabel("Resolution").fill("Re-delivered and refunded");
  // Filed under a cause from the workspace's list (the demo's taxonomy), which the page then shows.
  const filedUnder = partner.getByLabel("Filed under");
  await filedUnder.selectOption({ index: 1 });
  const cause = (await filedUnder.locator("option:checked").textContent())?.trim() ?? "";
  expect(cause).not.toBe("");
  await partner.getByRole("button", { name: "Mark resolved" }).click();
  await expect(partner.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(partner.getByTestId("filed-under")).toHaveText(`Filed under: ${cause}`);
  await expect(partner.getByRole("button", { name: "Close", exact: true })).toHaveCount(0);

  // The steward closes it.
  await page.reload();
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Closed");
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Driver skipped the doorstep check");
  await partnerContext.close();
});
