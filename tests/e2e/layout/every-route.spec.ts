import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { seriousAxeViolations } from "../axe";
import { NORTHWIND, signIn } from "../helpers";
import { e2eDatabaseUrlFile, e2eMailDir, signUpAndVerify } from "../mail-helpers";
import { PAGES, type Ids, type Role } from "../security/access-matrix";

// Issue 17: every page every persona may open, at desktop and phone width, must not scroll
// sideways and must have no serious or critical axe violation. The route list is the access
// matrix's, so a new page is covered as soon as the matrix lists it (its completeness check
// makes sure it does). One signed-in browser context per persona, reused for all its pages.
// The fifth persona, a new sign-up, is at the end of the file.

const PERSONAS = [
  { role: "owner", login: NORTHWIND.owner },
  { role: "steward", login: NORTHWIND.steward },
  { role: "analyst", login: NORTHWIND.analyst },
  { role: "partnerAdmin", login: NORTHWIND.partner },
] as const satisfies readonly { role: Role; login: { email: string; password: string } }[];

// Each test runs axe twice: on the API reference, the longest page, one axe run took over 30 s on a loaded 2-core
// machine before axe ran in legacy mode (tests/e2e/axe.ts), past the default 60 s per test.
test.describe.configure({ timeout: 180_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

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

/**
 * Opens `url` on a phone and lists what is wrong at each width: sideways scroll, serious or critical axe violations.
 * The page loads once, at 390 px as a phone opens it, then the window widens to 1440 px: the layout is CSS and
 * client components that follow the window's size, so a second load would only repeat the server's work.
 */
async function layoutProblems(page: Page, url: string): Promise<string[]> {
  await page.setViewportSize(PHONE);
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  const problems = await problemsAsShown(page, PHONE.width);
  await page.setViewportSize(DESKTOP);
  // Two frames: resize observers (the charts) run and React paints what they set.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return [...problems, ...(await problemsAsShown(page, DESKTOP.width))];
}

/**
 * The width and content (a hash of its HTML) of each page's main part axe has checked in this worker. Owner, steward
 * and analyst open most pages with the same content (their header and navigation differ): axe's answer on the same
 * HTML with the same styles at the same width is the same, so a main part seen before is left out of the next run,
 * and axe checks the rest of the document (header, navigation, dialogs outside main). The color-contrast rule is most
 * of axe's work, and it grows with the page: the API reference's 4,800 elements took 4.2 s per run on a quiet machine.
 */
const checkedMainParts = new Set<string>();

/** What is wrong with the page as it is now shown `width` px wide. */
async function problemsAsShown(page: Page, width: number): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, innerWidth, mainHtml } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    mainHtml: document.querySelectorAll("main").length === 1 ? document.querySelector("main")!.outerHTML : null,
  }));
  if (scrollWidth > innerWidth) problems.push(`${width}px: the page is ${scrollWidth}px wide (scrolls sideways)`);
  const mainPart = mainHtml === null ? null : `${width} ${createHash("sha256").update(mainHtml).digest("hex")}`;
  const seen = mainPart !== null && checkedMainParts.has(mainPart);
  for (const violation of await seriousAxeViolations(page, { exclude: seen ? ["main"] : [] }))
    problems.push(`${width}px: ${violation}`);
  if (mainPart !== null && problems.length === 0) checkedMainParts.add(mainPart);
  return problems;
}

let ids: Ids | undefined;

for (const persona of PERSONAS) {
  test.describe(`as ${persona.role}`, () => {
    let context: BrowserContext;
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      test.setTimeout(180_000);
      ids ??= await lookUpIds(browser);
      context = await browser.newContext();
      page = await context.newPage();
      await signIn(page, persona.login);
    });
    test.afterAll(async () => context.close());

    for (const entry of PAGES.filter((p) => p.expect[persona.role] === "allowed")) {
      test(entry.file, async () => {
        expect(await layoutProblems(page, entry.url(ids!)), `${entry.file} as ${persona.role}`).toEqual([]);
      });
    }
  });
}

// A new sign-up: its own empty workspace, just verified, nothing imported, so every page shows its empty state.
// It visits every page the matrix allows an owner, at its own workspace's address. Not visited, as they open one
// record and an empty workspace has none:
//   app/t/[tenant]/partners/[partnerId]/page.tsx, app/t/[tenant]/partners/[partnerId]/edit/page.tsx,
//   app/t/[tenant]/incidents/[incidentId]/page.tsx, app/t/[tenant]/scorecards/[partnerId]/page.tsx,
//   app/t/[tenant]/plans/[planId]/page.tsx, app/t/[tenant]/value/customers/[customerId]/page.tsx.
// The partner portal does not apply (a newcomer is no partner's user; the matrix answers an owner 404 there).
const NEEDS_A_RECORD = new Set([
  "app/t/[tenant]/partners/[partnerId]/page.tsx",
  "app/t/[tenant]/partners/[partnerId]/edit/page.tsx",
  "app/t/[tenant]/incidents/[incidentId]/page.tsx",
  "app/t/[tenant]/scorecards/[partnerId]/page.tsx",
  "app/t/[tenant]/plans/[planId]/page.tsx",
  "app/t/[tenant]/value/customers/[customerId]/page.tsx",
]);
// Stands in for every id, so a page the matrix gains that needs a record fails below until it is listed above.
const NO_RECORD = "no-record-in-a-new-workspace";
const noRecordIds = new Proxy({}, { get: () => NO_RECORD }) as Ids;

/**
 * Signs the newcomer in, signing up only once per e2e server: Playwright starts a new worker after a failed test (and
 * for a retry), which runs this again, and sign-ups are throttled per source (lib/tenants/sign-up-throttle.ts).
 */
async function signInAsNewcomer(page: Page): Promise<string> {
  const kept = `${e2eMailDir()}-newcomer.json`;
  const database = readFileSync(e2eDatabaseUrlFile(), "utf8").trim();
  const previous = existsSync(kept) ? JSON.parse(readFileSync(kept, "utf8")) : null;
  if (previous?.database === database) {
    await signIn(page, previous.login);
    return previous.slug;
  }
  const stamp = Date.now();
  const login = { email: `nadia.${stamp}@newcomer.test`, password: "a-strong-password-1" };
  const { slug } = await signUpAndVerify(page, { ...login, name: "Nadia Newcomer", company: `Newcomer ${stamp}` });
  writeFileSync(kept, JSON.stringify({ database, login, slug }), { mode: 0o600 });
  return slug;
}

test.describe("as a new sign-up", () => {
  let context: BrowserContext;
  let page: Page;
  let slug: string;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    context = await browser.newContext();
    page = await context.newPage();
    slug = await signInAsNewcomer(page);
  });
  test.afterAll(async () => context.close());

  for (const entry of PAGES.filter((p) => p.expect.owner === "allowed" && !NEEDS_A_RECORD.has(p.file))) {
    test(entry.file, async () => {
      const url = entry.url(noRecordIds).replace(/^\/t\/northwind(?=[/?]|$)/, `/t/${slug}`);
      expect(url, `${entry.file} needs a record: add it to NEEDS_A_RECORD`).not.toContain(NO_RECORD);
      expect(url, `${entry.file} in the newcomer's own workspace`).not.toContain(NORTHWIND.slug);
      expect(await layoutProblems(page, url), `${entry.file} as a new sign-up`).toEqual([]);
    });
  }
});
