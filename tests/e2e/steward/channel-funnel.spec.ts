import { expect, test } from "@playwright/test";
import { seriousAxeViolations } from "../axe";
import { NORTHWIND, expectNoSidewaysScroll, expectNotFound, signIn } from "../helpers";

// Issue 19, parts 2 and 3: a steward records the channel design, gives the touchpoint nobody is accountable for a
// value proposition and an accountable party (the gap disappears), and reads the funnel at desktop and phone width;
// an analyst reads both without changing them; a partner admin reaches neither.

test("a steward records the channel design and closes a journey-map gap", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/settings/channel`);
  await expect(page.getByText("Several firms of equal power pool their competencies")).toBeVisible();
  await page.getByLabel(/^Federated network/).check();
  await page.getByLabel(/^Third-party delegated/).check();
  await page.getByRole("button", { name: "Save channel design" }).click();
  await expect(page.getByTestId("form-success")).toContainText("federated network channel design");

  await page.goto(`/t/${NORTHWIND.slug}/touchpoints`);
  await expect(page.getByTestId("channel-design-summary")).toContainText("Federated network, third-party delegated");
  const panel = page.getByTestId("gaps-panel");
  const missing = panel.getByTestId("gap-no-accountable");
  await expect(missing.getByRole("heading")).toHaveText("No accountable party (1)");
  const name = (await missing.getByRole("link").first().textContent())!.trim();
  const card = page.getByTestId("touchpoint-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await expect(card.getByTestId("gap-markers")).toContainText("Gap: No accountable party");

  await missing.getByRole("link", { name }).click();
  const form = page.getByRole("form", { name: `Value proposition and roles of ${name}` });
  await expect(form).toBeVisible();
  // saving with nobody accountable is refused with a specific message
  await form.getByLabel("Value proposition it serves").selectOption({ label: "World-class service" });
  await form.getByRole("button", { name: "Save value proposition and roles" }).click();
  await expect(form.getByTestId("form-error")).toHaveText(
    "Choose exactly one accountable party (the brand or a partner)",
  );
  // by keyboard: the accountable select, then a responsible checkbox
  await form.getByLabel(/^Accountable/).focus();
  await form.getByLabel(/^Accountable/).selectOption({ label: "The brand (us)" });
  await form
    .getByRole("group", { name: /^Responsible/ })
    .getByRole("checkbox")
    .first()
    .press("Space");
  await form.getByRole("button", { name: "Save value proposition and roles" }).press("Enter");
  await expect(form.getByTestId("form-success")).toContainText(`Saved the value proposition and roles of ${name}`);

  await page.goto(`/t/${NORTHWIND.slug}/touchpoints`);
  await expect(page.getByTestId("gaps-panel")).not.toContainText("No accountable party (1)");
  const after = page.getByTestId("touchpoint-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await expect(after).toContainText("Accountable: the brand");
  await expect(after).toContainText("Serves: World-class service");
  await expect(after.getByTestId("gap-markers")).toHaveCount(0);
  await expect(page.getByTestId("gaps-panel")).not.toContainText(`${name}`);
});

test("the funnel page at desktop and phone width: chart with a text alternative, a table, definitions", async ({
  page,
}) => {
  await signIn(page, NORTHWIND.steward);
  await page
    .getByRole("navigation", { name: "Steward workspace", exact: true })
    .getByRole("link", { name: "Funnel" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Engagement funnel" })).toBeVisible();
  for (const stage of ["attract", "connect", "engage", "convert"]) {
    const row = page.getByTestId(`funnel-row-${stage}`);
    await expect(row).toBeVisible();
    expect(Number((await row.getByTestId("interactions").textContent())!.replace(/,/g, ""))).toBeGreaterThan(0);
  }
  await expect(page.getByTestId("chart-summary")).toContainText("Customers reached: attract");
  await expect(page.getByTestId("funnel-definitions")).toContainText("within 30 days of their first interaction");
  // the month picker
  const picker = page.getByLabel("Month");
  const options = await picker.locator("option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  await picker.selectOption(options[2]);
  await expect(page).toHaveURL(new RegExp(`/funnel\\?month=${options[2]}$`));
  await expect(page.getByTestId("funnel-row-attract")).toBeVisible();
  for (const width of [1440, 390]) {
    await expectNoSidewaysScroll(page, width);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }
});

test("an analyst reads the funnel and the channel design but cannot change them", async ({ page }) => {
  await signIn(page, NORTHWIND.analyst);
  await page.goto(`/t/${NORTHWIND.slug}/funnel`);
  await expect(page.getByTestId("funnel-row-engage")).toBeVisible();
  await page.goto(`/t/${NORTHWIND.slug}/settings/channel`);
  await expect(page.getByText("Only owners and stewards can change the channel design.")).toBeVisible();
  await expect(page.getByLabel(/^Limited/)).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save channel design" })).toHaveCount(0);
  await page.goto(`/t/${NORTHWIND.slug}/touchpoints`);
  await expect(page.getByTestId("gaps-panel")).toBeVisible();
  await expect(page.getByRole("form", { name: /Value proposition and roles/ })).toHaveCount(0);
});

test("a partner admin reaches neither the funnel nor the channel design", async ({ page }) => {
  await signIn(page, NORTHWIND.partner);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/funnel`);
  await expectNotFound(page, `/t/${NORTHWIND.slug}/settings/channel`);
});
