import { expect, type Page } from "@playwright/test";

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
