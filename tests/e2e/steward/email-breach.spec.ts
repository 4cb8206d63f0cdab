import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { NORTHWIND, signIn } from "../helpers";
import { e2eDatabaseUrlFile, waitForMailTo } from "../mail-helpers";

// A breach reaches the channel manager by e-mail with nobody opening a page: the steward opens an incident in the
// browser, the spec plants its breach in the database (opened ten days ago, its stored targets long past), and the
// real scheduler's next escalation sweep raises it to level 2, whose mail must be caught within one sweep interval
// plus delivery (the e2e server sends what is due every 500 ms).
const SWEEP_MS = Number(process.env.STEWARD_SWEEP_INTERVAL_MS ?? 30_000);
const DELIVERY_MS = 10_000;

test("a breach mails level 2 (the channel manager) within one sweep", async ({ page }) => {
  test.setTimeout(SWEEP_MS + DELIVERY_MS + 90_000);
  const title = `Courier lost the parcel ${Date.now()}`;
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/incidents/new`);
  await page.getByLabel("Partner").selectOption({ label: NORTHWIND.partner.partnerName });
  await page.getByLabel("Touchpoint").selectOption({ index: 1 });
  await page.getByLabel("Severity").selectOption("HIGH");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("The parcel was scanned at the depot and never seen again.");
  await page.getByRole("button", { name: "Open incident" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const incidentId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("escalation-level")).toContainText("1 · Partner");

  const db = new pg.Client({ connectionString: readFileSync(e2eDatabaseUrlFile(), "utf8").trim() });
  await db.connect();
  let customer: string;
  let planted: number;
  try {
    // Row-level security applies to this connection too: enter the tenant's context as the app does (the steward's
    // memberships make the tenant visible; its id then scopes the update).
    await db.query("begin");
    await db.query(`select set_config('app.user_id', (select id from "User" where email = $1), true)`, [
      NORTHWIND.steward.email,
    ]);
    await db.query(`select set_config('app.tenant_id', (select id from "Tenant" where slug = $1), true)`, [
      NORTHWIND.slug,
    ]);
    const { rows } = await db.query<{ name: string }>(
      `update "Incident" i
          set "openedAt" = now() - interval '10 days', "ackDueAt" = now() - interval '9 days',
              "nextDueAt" = now() - interval '9 days',
              "customerId" = (select c.id from "Customer" c where c."tenantId" = i."tenantId" and c.name is not null
                              order by c.id limit 1)
        where i.id = $1
    returning (select c.name from "Customer" c where c.id = i."customerId") as name`,
      [incidentId],
    );
    await db.query("commit");
    expect(rows).toHaveLength(1);
    customer = rows[0]!.name;
    planted = Date.now();
  } finally {
    await db.end();
  }

  const mail = await waitForMailTo(
    NORTHWIND.steward.email,
    new RegExp(`escalated to level 2: ${title}$`),
    SWEEP_MS + DELIVERY_MS + 5_000,
  );
  const elapsed = mail.receivedAt - planted;
  console.log(`breach planted → level-2 mail caught: ${elapsed} ms (sweep every ${SWEEP_MS} ms)`);
  expect(elapsed).toBeLessThanOrEqual(SWEEP_MS + DELIVERY_MS);
  expect(mail.subject).toMatch(/^\[Northwind[^\]]*\] INC-\d+ escalated to level 2: /);
  expect(mail.text).toContain(`/t/${NORTHWIND.slug}/incidents/${incidentId}`);
  expect(mail.text).toContain(customer);
  expect(mail.text).toMatch(/Customer equity at risk/);
  expect(mail.text).toMatch(/SLA clock/);
  expect(mail.text).toMatch(/overdue by \d+d/);
  // Level 2 is the brand's channel manager, not the partner: no partner user is on this mail.
  expect(mail.to).not.toContain(NORTHWIND.partner.email);

  // The link opens the escalated incident (level 2, or 3 when the resolve target is past too).
  await page.goto(new URL(mail.links.find((l) => l.includes(incidentId))!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByTestId("escalation-level")).not.toContainText("1 · Partner");
});
