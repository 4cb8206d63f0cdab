import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

test("a steward signs in and sees the workspace shell with real counts", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await expect(page).toHaveURL(`/t/${NORTHWIND.slug}`);
  const nav = page.getByRole("navigation", { name: "Steward workspace", exact: true });
  for (const item of [
    "Dashboard",
    "Partners",
    "Touchpoints",
    "Funnel",
    "Standards",
    "Incidents & escalations",
    "Customers & value",
    "Scorecards",
    "Settings",
  ])
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  const partners = Number((await page.getByTestId("tile-Partners").textContent())?.replace(/,/g, ""));
  expect(partners).toBeGreaterThan(0);

  await nav.getByRole("link", { name: "Scorecards" }).click();
  await expect(page).toHaveURL(`/t/${NORTHWIND.slug}/scorecards`);
  await expect(page.getByRole("heading", { level: 1, name: "Scorecards" })).toBeVisible();
});

test("signing out ends the session on the server, not just in the browser", async ({ page, context }) => {
  await signIn(page, NORTHWIND.steward);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old session cookie must not get back in.
  await context.addCookies(cookies);
  await page.goto(`/t/${NORTHWIND.slug}`);
  await expect(page).toHaveURL(/\/login\?next=/);
});
