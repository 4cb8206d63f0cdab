import { expect, test, type Page } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// E-mail end to end: the e2e server runs the demo's local SMTP catcher (scripts/local-mailbox.ts), so what the app
// mails arrives over real SMTP and the owner reads it at Settings → Mailbox.

/** Reloads the mailbox until a message whose subject matches appears; returns its links and the wait in ms. */
async function waitForMail(page: Page, subject: RegExp, since: number) {
  const mailbox = `/t/${NORTHWIND.slug}/settings/mailbox`;
  let found = false;
  await expect(async () => {
    await page.goto(mailbox);
    found = (await page.getByTestId("mailbox").locator("summary", { hasText: subject }).count()) > 0;
    expect(found).toBe(true);
  }).toPass({ timeout: 60_000, intervals: [250, 500, 1000] });
  const elapsed = Date.now() - since;
  const item = page
    .getByTestId("mailbox")
    .locator("li > div, li")
    .filter({ has: page.locator("summary", { hasText: subject }) })
    .first();
  await item.locator("summary").first().click();
  return { item, elapsed };
}

test("an invitation is mailed, and its link lets the invitee join", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `mailed.${Date.now()}@northwind.test`;
  await signIn(page, NORTHWIND.owner);
  await page.goto(`/t/${NORTHWIND.slug}/settings`);
  await page.getByLabel("E-mail").fill(email);
  const start = Date.now();
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("invite-link")).toBeVisible();

  const { item, elapsed } = await waitForMail(page, /invited you to Northwind/, start);
  console.log(`invitation: event to delivery ${elapsed} ms`);
  await expect(item).toContainText(`to ${email}`);
  await expect(item).toContainText("The invitation expires on");
  const accept = item.getByRole("link", { name: /\/invite\// });
  const href = (await accept.getAttribute("href"))!;

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(new URL(href).pathname);
  await inviteePage.getByLabel("Your name").fill("Mia Mailed");
  await inviteePage.getByLabel("Password").fill("a-long-enough-password");
  await inviteePage.getByRole("button", { name: "Create account and join" }).click();
  await expect(inviteePage).toHaveURL(`/t/${NORTHWIND.slug}`);
  await invitee.close();

  // Owners see the delivery and its status in Settings → E-mail.
  await page.goto(`/t/${NORTHWIND.slug}/settings/email`);
  const row = page.getByTestId("email-deliveries").getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Sent");
});

test("a member chooses which e-mail they get; the page fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/settings/email`);
  await page.getByLabel("Escalations").selectOption("DIGEST");
  await page.getByLabel("Published scorecards").selectOption("OFF");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Your e-mail preferences are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Escalations")).toHaveValue("DIGEST");
  await expect(page.getByLabel("Published scorecards")).toHaveValue("OFF");
  // Stewards see only their own preferences, not the workspace's deliveries (owners only).
  await expect(page.getByTestId("email-deliveries")).toHaveCount(0);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
