import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";
import { linkPath, waitForMailTo } from "../mail-helpers";
import { computeAndPublish } from "../scorecards-helpers";

// Publishing a month in the browser mails each published card's partner admins a link to the portal, through the
// outbox written in the publishing transaction and the e2e server's SMTP catcher.
test("publishing a month's scorecards mails the partner admins the portal link", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, NORTHWIND.steward);
  const month = await computeAndPublish(page);
  const published = Date.now();

  const mail = await waitForMailTo(
    NORTHWIND.partner.email,
    new RegExp(`${NORTHWIND.partner.partnerName}: your scorecard for ${month} is published$`),
  );
  console.log(`publish → partner admin's mail caught: ${mail.receivedAt - published} ms`);
  expect(mail.text).toContain(`You are an admin of ${NORTHWIND.partner.partnerName}`);
  const portal = linkPath(mail, `/portal/${NORTHWIND.slug}/scorecard`);
  expect(portal).toBe(`/portal/${NORTHWIND.slug}/scorecard`);

  // The partner admin follows the link and sees the published card.
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, NORTHWIND.partner, portal);
  await expect(partner).toHaveURL(portal);
  const label = new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  await expect(partner.getByTestId("scorecard-summary")).toContainText(`Overall score, ${label}`);
});
