import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifyWebhookSignature } from "../../../lib/webhooks/signature";
import { NORTHWIND, signIn } from "../helpers";

test("an owner adds a webhook endpoint; an incident opened through the API arrives signed and shows in the delivery log", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${Date.now()}`;
  try {
    await signIn(page, NORTHWIND.owner);
    await page.goto(`/t/${NORTHWIND.slug}/settings`);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    await page.getByLabel("Endpoint URL").fill("http://example.com/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("field-error")).toHaveText("Use an https:// URL.");

    await page.getByLabel("Endpoint URL").fill(url);
    for (const event of ["incident.escalated", "incident.resolved", "scorecard.published"])
      await page.getByRole("checkbox", { name: new RegExp(event) }).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByTestId("webhook-endpoints").getByRole("row").filter({ hasText: url })).toContainText(
      "incident.created",
    );

    // A workspace API key, then an incident through the API.
    await page.goto(`/t/${NORTHWIND.slug}/settings/api-keys`);
    await page.getByLabel("Name").fill(`Webhook e2e ${Date.now()}`);
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    const auth = { authorization: `Bearer ${key}` };
    const partners = (await (await request.get("/api/v1/partners?limit=200", { headers: auth })).json()) as {
      data: { id: string; name: string }[];
    };
    const partner = partners.data.find((p) => p.name === NORTHWIND.partner.partnerName)!;
    const touchpoints = (await (await request.get("/api/v1/touchpoints?limit=200", { headers: auth })).json()) as {
      data: { id: string; partnerIds: string[] }[];
    };
    const touchpoint = touchpoints.data.find((t) => t.partnerIds.includes(partner.id))!;
    const title = `Webhook check ${Date.now()}`;
    const created = await request.post("/api/v1/incidents", {
      headers: { ...auth, "Idempotency-Key": `e2e-webhook-${Date.now()}` },
      data: {
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        severity: "LOW",
        category: "Other",
        title,
        description: "Opened by the webhooks end-to-end test.",
      },
    });
    expect(created.status()).toBe(201);
    const incident = (await created.json()) as { id: string; reference: string };

    await expect
      .poll(() => received.find((r) => JSON.parse(r.body).data?.incidentId === incident.id) !== undefined, {
        timeout: 45_000,
      })
      .toBe(true);
    const delivery = received.find((r) => JSON.parse(r.body).data?.incidentId === incident.id)!;
    const headers = { get: (name: string) => (delivery.headers[name] as string | undefined) ?? null };
    expect(verifyWebhookSignature(secret, headers, delivery.body)).toEqual({ ok: true });
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: "incident.created",
      data: { incident: { reference: incident.reference, title } },
    });

    await page.goto(`/t/${NORTHWIND.slug}/settings/webhooks`);
    const row = page.getByTestId("webhook-deliveries").getByRole("row").filter({ hasText: url }).first();
    await expect(row).toContainText("incident.created");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("HTTP 200");

    // Rotating the secret asks first, shows the new secret once, and the next event is signed with it.
    const rotateRow = page.getByTestId("webhook-endpoints").getByRole("row").filter({ hasText: url });
    await rotateRow.getByRole("button", { name: "Rotate secret" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("The current secret stops working at once");
    await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
    const rotated = (await page.getByTestId("webhook-rotated-secret").textContent())!.trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    const second = await request.post("/api/v1/incidents", {
      headers: { ...auth, "Idempotency-Key": `e2e-webhook-rotated-${Date.now()}` },
      data: {
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        severity: "LOW",
        category: "Other",
        title: `${title} (rotated)`,
        description: "Opened after the secret was rotated.",
      },
    });
    expect(second.status()).toBe(201);
    const secondId = ((await second.json()) as { id: string }).id;
    await expect
      .poll(() => received.some((r) => JSON.parse(r.body).data?.incidentId === secondId), { timeout: 45_000 })
      .toBe(true);
    const after = received.find((r) => JSON.parse(r.body).data?.incidentId === secondId)!;
    const afterHeaders = { get: (name: string) => (after.headers[name] as string | undefined) ?? null };
    expect(verifyWebhookSignature(rotated, afterHeaders, after.body)).toEqual({ ok: true });
    expect(verifyWebhookSignature(secret, afterHeaders, after.body).ok).toBe(false);

    // Deleting asks first, then the endpoint is gone.
    const endpointRow = page.getByTestId("webhook-endpoints").getByRole("row").filter({ hasText: url });
    await endpointRow.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page.getByTestId("webhook-endpoints").getByRole("row").filter({ hasText: url })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
