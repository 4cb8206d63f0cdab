import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";
import { PAGES, type Ids, type Role } from "../security/access-matrix";

// Issue 17: every page every persona may open, at desktop and phone width, must not scroll
// sideways and must have no serious or critical axe violation. The route list is the access
// matrix's, so a new page is covered as soon as the matrix lists it (its completeness check
// makes sure it does). One signed-in browser context per persona, reused for all its pages.

const PERSONAS = [
  { role: "owner", login: NORTHWIND.owner },
  { role: "steward", login: NORTHWIND.steward },
  { role: "analyst", login: NORTHWIND.analyst },
  { role: "partnerAdmin", login: NORTHWIND.partner },
] as const satisfies readonly { role: Role; login: { email: string; password: string } }[];

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** The first link target under `prefix` on a page (an id of the signed-in user's own data). */
async function firstLinkedId(page: Page, url: string, prefix: string): Promise<string> {
  await page.goto(url);
  const hrefs = await page
    .locator(`a[href^="${prefix}/"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const id = hrefs
    .map((h) => h.slice(prefix.length + 1))
    .find((rest) => /^[\w-]{8,64}$/.test(rest) && !["new", "export", "survey"].includes(rest));
  expect(id, `an id linked from ${url}`).toBeTruthy();
  return id!;
}

/** The ids the matrix's page URLs need, read from the pages themselves (Swift Couriers' own data). */
async function lookUpIds(browser: Browser): Promise<Ids> {
  const signedIn = async (login: { email: string; password: string }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, login);
    return { context, page };
  };
  const partner = await signedIn(NORTHWIND.partner);
  const nwIncident = await firstLinkedId(partner.page, "/portal/northwind/incidents", "/portal/northwind/incidents");
  // Swift Couriers' proposed corrective-action plan (lib/seed/demo-plans.ts): the steward opens the same one.
  const nwPlan = await firstLinkedId(partner.page, "/portal/northwind/plans", "/portal/northwind/plans");
  await partner.context.close();
  const steward = await signedIn(NORTHWIND.steward);
  const swift = encodeURIComponent(NORTHWIND.partner.partnerName);
  const nwPartner = await firstLinkedId(steward.page, `/t/northwind/partners?q=${swift}`, "/t/northwind/partners");
  const nwCustomer = await firstLinkedId(steward.page, "/t/northwind/value/customers", "/t/northwind/value/customers");
  await steward.context.close();
  // Foreign ids are not visited here (the access matrix covers them).
  return {
    nwPartner,
    nwIncident,
    nwCustomer,
    nwOtherPartner: "",
    nwOtherIncident: "",
    cPartner: "",
    cIncident: "",
    cCustomer: "",
    month: "",
    nwPlan,
    nwPlanAction: "",
    nwOtherPlan: "",
    nwOtherPlanAction: "",
    cPlan: "",
  };
}

let ids: Ids;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  ids = await lookUpIds(browser);
});

for (const persona of PERSONAS) {
  test.describe(`as ${persona.role}`, () => {
    let context: BrowserContext;
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      test.setTimeout(120_000);
      context = await browser.newContext();
      page = await context.newPage();
      await signIn(page, persona.login);
    });
    test.afterAll(async () => context.close());

    for (const entry of PAGES.filter((p) => p.expect[persona.role] === "allowed")) {
      test(entry.file, async () => {
        const problems: string[] = [];
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          const url = entry.url(ids);
          const response = await page.goto(url);
          expect(response?.status(), url).toBeLessThan(400);
          await page.waitForLoadState("networkidle");
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          if (scrollWidth > innerWidth)
            problems.push(`${size.width}px: the page is ${scrollWidth}px wide (scrolls sideways)`);
          const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
          for (const v of axe.violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
            problems.push(
              `${size.width}px: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(", ")}`,
            );
        }
        expect(problems, `${entry.file} as ${persona.role}`).toEqual([]);
      });
    }
  });
}
