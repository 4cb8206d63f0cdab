import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

test("an owner creates a partner API key (shown once), the API accepts it, and revoking it locks it out", async ({
  page,
  request,
}) => {
  const name = `Swift TMS ${Date.now()}`;
  await signIn(page, NORTHWIND.owner);
  await page.goto(`/t/${NORTHWIND.slug}/settings`);
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  // Bad input first: clear messages, nothing created.
  await page.getByLabel("Rate limit (requests per minute)").fill("0");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByTestId("field-error").first()).toHaveText("Name the key, e.g. after the system that uses it.");
  await expect(page.getByTestId("field-error").nth(1)).toHaveText("Allow at least 1 request per minute.");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption({ label: `Partner: ${NORTHWIND.partner.partnerName}` });
  await page.getByLabel("Rate limit (requests per minute)").fill("100");
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^stw_/);
  const row = page.getByTestId("api-keys").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`Partner: ${NORTHWIND.partner.partnerName}`);
  await expect(row).toContainText("100/min");
  await expect(row).toContainText(key.slice(0, 12));

  // The secret is not on the page after a reload.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  const ok = await request.get("/api/v1/partners", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { data: { name: string }[] };
  expect(body.data.map((p) => p.name)).toEqual([NORTHWIND.partner.partnerName]);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  const refused = await request.get("/api/v1/partners", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});

test("a steward (not an owner) neither sees nor opens the API keys and webhooks pages", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/settings`);
  await expect(page.getByRole("link", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  expect((await page.goto(`/t/${NORTHWIND.slug}/settings/webhooks`))?.status()).toBe(403);
  const response = await page.goto(`/t/${NORTHWIND.slug}/settings/api-keys`);
  expect(response?.status()).toBe(403);
});

test("a steward reads the API reference, rendered from the served OpenAPI document", async ({ page, request }) => {
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/settings`);
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, unknown>>;
    webhooks: Record<string, unknown>;
  };
  const count = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
  await expect(page.getByTestId("api-operation")).toHaveCount(count);
  await expect(page.getByTestId("api-webhook")).toHaveCount(Object.keys(doc.webhooks).length);
  await expect(page.getByTestId("api-webhook").filter({ hasText: "incident.resolved" })).toContainText(
    "webhook-signature",
  );
  const create = page.getByTestId("api-operation").filter({ hasText: "Open an incident" });
  await expect(create).toContainText("/api/v1/incidents");
  await expect(create).toContainText("Idempotency-Key");
  await create.getByRole("link", { name: "IncidentInput" }).click();
  await expect(page.locator("#schema-IncidentInput")).toBeInViewport();
});
