import { expect, test, type Page } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// Issue 17: the screens that looked broken or disagreed, each checked as a user meets it.
const base = `/t/${NORTHWIND.slug}`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function swiftPartnerUrl(page: Page) {
  await page.goto(`${base}/partners?q=${encodeURIComponent(NORTHWIND.partner.partnerName)}`);
  return (await page.getByRole("link", { name: NORTHWIND.partner.partnerName }).first().getAttribute("href"))!;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("item 1: the values-alignment questions read across the card, and the partner page fits", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, NORTHWIND.steward);
  await page.goto(await swiftPartnerUrl(page));
  const question = page.locator("section[aria-labelledby=alignment-heading] li").first();
  const [row, label, select] = await Promise.all([
    question.boundingBox(),
    question.locator("label").boundingBox(),
    question.locator("select").boundingBox(),
  ]);
  expect(label!.width).toBeGreaterThan(row!.width / 2); // not squeezed into a narrow column
  expect(select!.x + select!.width).toBeLessThanOrEqual(row!.x + row!.width + 1); // the select stays in its row
  expect(await pageWidth(page)).toBeLessThanOrEqual(DESKTOP.width);
});

test("item 2: the journey map shows every stage and keeps Unassign inside its card, on desktop and phone", async ({
  page,
}) => {
  await signIn(page, NORTHWIND.steward);
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.goto(`${base}/touchpoints`);
    const stages = page.locator("[data-testid^=stage-]");
    // The board streams in behind its skeleton: measure once it is there.
    await expect(stages.last()).toBeVisible();
    const last = await stages.last().boundingBox();
    expect(last!.x + last!.width, `${size.width}px: last stage within the page`).toBeLessThanOrEqual(size.width);
    const buttons = page.getByRole("button", { name: /^Unassign / });
    expect(await buttons.count()).toBeGreaterThan(0);
    const overflowing = await page.getByTestId("touchpoint-card").evaluateAll((cards) =>
      cards.flatMap((card) => {
        const edge = card.getBoundingClientRect().right;
        return [...card.querySelectorAll("button")]
          .filter((b) => b.getBoundingClientRect().right > edge + 0.5)
          .map((b) => b.getAttribute("aria-label") ?? b.textContent);
      }),
    );
    expect(overflowing, `${size.width}px: buttons past their card`).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
  }
});

test("phone layout: a Menu button opens the sections and closes after choosing one", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, NORTHWIND.steward);
  await expect(page.getByRole("navigation", { name: "Steward workspace", exact: true })).toBeHidden();
  const menu = page.getByRole("button", { name: /^Menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Steward workspace (menu)" });
  await nav.getByRole("link", { name: "Partners" }).click();
  await expect(page).toHaveURL(`${base}/partners`);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
});

test("items 4 and 5: legends with swatches, dots named as on the scorecard, one equity-at-risk figure with its window", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, NORTHWIND.steward);
  await page.goto(base);
  const incidentsLegend = page.getByTestId("incidents-legend");
  await expect(incidentsLegend.getByTestId("legend-swatch")).toHaveCount(2);
  await expect(incidentsLegend).toContainText("Opened in the last 90 days");
  await expect(incidentsLegend).toContainText("Still open");
  const quadrantLegend = page.getByTestId("quadrant-legend");
  expect(await quadrantLegend.getByTestId("legend-swatch").count()).toBeGreaterThan(0);
  for (const text of await quadrantLegend.locator("li").allTextContents())
    expect(text).toMatch(/^(Reward|Maintain|Develop|Probation|Exit) \d+$/);
  await expect(page.getByTestId("quadrant-note")).toContainText(/\d+ of \d+ scored partners plotted/);

  const tile = page.getByTestId("tile-at-risk");
  await expect(tile).toHaveText(/^\$/); // the workspace currency
  await expect(page.getByText(/incidents in the last 30 days/)).toBeVisible();
  const dashboardAmount = await tile.getAttribute("data-amount");
  await page.goto(`${base}/value`);
  const value = page.getByTestId("value-at-risk");
  await expect(value).toHaveAttribute("data-amount", dashboardAmount!);
  await expect(page.getByText("Equity at risk from incidents opened in the last 30 days:")).toBeVisible();
  await expect(page.getByTestId("equity-total")).toHaveText(/^\$[\d,]+$/);
});

test("item 5: money follows the workspace currency setting", async ({ page }) => {
  await signIn(page, NORTHWIND.owner);
  const save = async (currency: string) => {
    await page.goto(`${base}/settings/value`);
    const form = page.getByRole("form", { name: "Money and reports" });
    await form.getByLabel("Currency").selectOption(currency);
    await form.getByRole("button", { name: "Save money and reports" }).click();
    await expect(form.getByText(`Saved: amounts now show in ${currency}.`)).toBeVisible();
  };
  await save("EUR");
  try {
    await page.goto(`${base}/value`);
    await expect(page.getByTestId("equity-total")).toHaveText(/^€[\d,]+$/);
    await page.goto(base);
    await expect(page.getByTestId("tile-equity")).toHaveText(/^€/);
  } finally {
    await save("USD");
  }
});

test("items 6 and 9: the incident form offers the partner's touchpoints, names the customer, and handles errors", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, NORTHWIND.steward);
  const partnerUrl = await swiftPartnerUrl(page);
  await page.goto(partnerUrl);
  const handled = (
    await page.getByTestId("partner-touchpoints").locator("li > span.font-medium").allTextContents()
  ).sort();
  expect(handled.length).toBeGreaterThan(0);

  await page.goto(`${base}/incidents/new`);
  // A failed submit puts focus on the first invalid field; fixing a field clears its message.
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByText("Choose the partner")).toBeVisible();
  await expect(page.getByLabel("Partner")).toBeFocused();
  await page.getByLabel("Partner").selectOption({ label: NORTHWIND.partner.partnerName });
  await expect(page.getByText("Choose the partner")).toHaveCount(0);
  const offered = (await page.getByLabel("Touchpoint").locator("option").allTextContents())
    .filter((o) => !o.startsWith("Choose"))
    .sort();
  expect(offered).toEqual(handled);

  await page.getByLabel("Touchpoint").selectOption({ index: 1 });
  await page.getByLabel("Title").fill(`Wrong customer ${Date.now()}`);
  await page.getByLabel("Description").fill("Checking that an unknown customer reference is refused.");
  await page.getByLabel("Affected customer (reference)").fill("NO-SUCH-CUSTOMER");
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("No customer has the reference “NO-SUCH-CUSTOMER”.");
  await page.getByLabel("Affected customer (reference)").fill("");
  await page.getByRole("button", { name: "Open incident" }).click();
  await page.waitForURL(/\/t\/northwind\/incidents\/[0-9a-f-]{36}$/);

  // Internal note: the box is unticked again once posted.
  await page.getByLabel("Comment or internal note").fill("Checking the internal note resets.");
  await page.getByLabel(/Internal note/).check();
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Checking the internal note resets.");
  await expect(page.getByLabel(/Internal note/)).not.toBeChecked();
  await expect(page.getByLabel("Comment or internal note")).toHaveValue("");

  // Resolve: the root-cause form closes once the incident is resolved.
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await page.getByLabel("Root cause").fill("Driver skipped the doorstep photo.");
  await page.getByLabel("Resolution").fill("Retrained the driver and refunded the customer.");
  await page.getByRole("button", { name: "Mark resolved" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(page.getByLabel("Root cause")).toHaveCount(0);
});

test("item 7: standards open on the latest month with data, with section links", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`${base}/standards`);
  const sections = page.getByRole("navigation", { name: "Standards sections" });
  await expect(sections.getByRole("link", { name: "Library" })).toBeVisible();
  await expect(sections.getByRole("link", { name: /^Compliance · \d{4}-\d{2}$/ })).toBeVisible();
  const scores = await page.getByTestId("compliance-row").locator("td:nth-child(2)").allTextContents();
  expect(
    scores.some((s) => /%$/.test(s)),
    "some partner has a compliance figure",
  ).toBe(true);
});

test("item 10: computing a draft asks with a plain button; the import counts rows with errors", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`${base}/scorecards`);
  await page.getByRole("button", { name: /^(Re)?[Cc]ompute draft$/ }).click();
  const confirm = page.getByRole("alertdialog").getByRole("button", { name: "Compute" });
  await expect(confirm).toBeVisible();
  expect(await confirm.getAttribute("class")).not.toContain("bg-red");
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
});
