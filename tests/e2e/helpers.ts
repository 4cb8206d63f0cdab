import { expect, type Page } from "@playwright/test";
import { EARLY_INPUT_GLOBAL, type EarlyInputRecorder } from "../../components/forms/early-input-recorder";

// The demo logins seeded by scripts/e2e-server.ts (lib/seed/ensure-demo.ts).
const PASSWORD = "steward-demo-2026";
export const NORTHWIND = {
  slug: "northwind",
  steward: { email: "steward@northwind.test", password: PASSWORD },
  owner: { email: "owner@northwind.test", password: PASSWORD },
  analyst: { email: "analyst@northwind.test", password: PASSWORD },
  partner: { email: "swift-couriers.admin@northwind.test", password: PASSWORD, partnerName: "Swift Couriers" },
};
export const CONTOSO = {
  slug: "contoso",
  steward: { email: "steward@contoso.test", password: PASSWORD },
  partner: { email: "cedar-express.admin@contoso.test", password: PASSWORD, partnerName: "Cedar Express" },
};

export async function signIn(page: Page, login: { email: string; password: string }, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("E-mail").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} should answer 404`).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/** The page fits the viewport's width (no sideways scroll), at the given width. */
export async function expectNoSidewaysScroll(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide at ${innerWidth}px`).toBeLessThanOrEqual(innerWidth);
}

/** Saves a full-page screenshot when SCREENSHOT_DIR is set (for review; never in the repository). */
export async function saveScreenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Tabs through the page until the element with this accessible name has focus (proves it is keyboard reachable). */
export async function tabTo(page: Page, name: string, maxTabs = 80) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached with Tab`);
}

/**
 * Holds back the page's scripts (not its styles, also chunks) until the returned function is called: what a person does
 * on a slow phone before React has taken the page over.
 */
export async function holdPageScripts(page: Page) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/_next\/static\/chunks\/.*\.js(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Waits until React has hydrated the form (or other container of controls, components/forms/early-input.ts) and taken
 * over what was typed into it before: its controls answer through React from then on.
 */
export async function waitForHydration(page: Page, selector: string) {
  await page.waitForFunction(
    ([css, global]) => {
      const element = document.querySelector(css);
      const recorder = (window as unknown as Record<string, EarlyInputRecorder | undefined>)[global];
      return element !== null && recorder?.ready.has(element) === true;
    },
    [selector, EARLY_INPUT_GLOBAL] as const,
  );
}
