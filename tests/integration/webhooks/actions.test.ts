import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import type { SessionUser } from "@/lib/auth/session";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const {
  createWebhookEndpointAction,
  setWebhookEndpointActiveAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
} = await import("@/app/t/[tenant]/settings/webhooks/actions");

let database: TestDatabase;
const people: Record<string, SessionUser> = {};
let tenantId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  const steward = await createUser({ email: "steward@acme.test" });
  await withTenant({ tenantId }, (db) => addMember(db, { tenantId, userId: steward.user.id, role: "STEWARD" }));
  const session = (u: { id: string; email: string; name: string }) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    sessionId: "test",
  });
  people.owner = session(owner.user);
  people.steward = session(steward.user);
  people.stranger = session(other.owner.user);
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = null;
});

const endpoints = () =>
  withTenant({ tenantId }, (db) => db.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } }));

describe("webhook endpoint actions", () => {
  it("validates the URL and the events, creating nothing on bad input", async () => {
    signedIn = people.owner;
    const bad = await createWebhookEndpointAction({ tenantSlug: "acme", url: "not a url", events: [] });
    expect(bad.validationErrors?.fieldErrors?.url?.[0]).toBe(
      "Enter a full URL, e.g. https://erp.example.com/steward-webhooks.",
    );
    expect(bad.validationErrors?.fieldErrors?.events?.[0]).toBe("Choose at least one event.");
    const http = await createWebhookEndpointAction({
      tenantSlug: "acme",
      url: "http://erp.example.com/hook",
      events: ["incident.created"],
    });
    expect(http.validationErrors?.fieldErrors?.url?.[0]).toBe("Use an https:// URL.");
    const unknown = await createWebhookEndpointAction({
      tenantSlug: "acme",
      url: "https://erp.example.com/hook",
      events: ["incident.deleted" as never],
    });
    expect(unknown.validationErrors?.fieldErrors?.events?.[0]).toMatch(/^Choose from incident.created, /);
    expect(await endpoints()).toEqual([]);
  });

  it("lets an owner add (secret returned once), disable, enable and delete an endpoint, audited", async () => {
    signedIn = people.owner;
    const created = await createWebhookEndpointAction({
      tenantSlug: "acme",
      url: "https://erp.example.com/hook",
      events: ["incident.created", "incident.resolved"],
    });
    expect(created.serverError).toBeUndefined();
    expect(created.data!.secret).toMatch(/^whsec_/);
    const [row] = await endpoints();
    expect(row).toMatchObject({
      url: "https://erp.example.com/hook",
      events: ["incident.created", "incident.resolved"],
      active: true,
      secret: created.data!.secret,
    });
    await setWebhookEndpointActiveAction({ tenantSlug: "acme", endpointId: row.id, active: false });
    expect((await endpoints())[0].active).toBe(false);
    await setWebhookEndpointActiveAction({ tenantSlug: "acme", endpointId: row.id, active: true });
    expect((await endpoints())[0].active).toBe(true);
    expect((await deleteWebhookEndpointAction({ tenantSlug: "acme", endpointId: "nope" })).serverError).toBe(
      "That webhook endpoint was not found.",
    );
    expect((await retryWebhookDeliveryAction({ tenantSlug: "acme", deliveryId: "nope" })).serverError).toBe(
      "That delivery was not found.",
    );
    await deleteWebhookEndpointAction({ tenantSlug: "acme", endpointId: row.id });
    expect(await endpoints()).toEqual([]);
    const audit = await withTenant({ tenantId }, async (db) =>
      (await db.auditLog.findMany({ where: { entityType: "WebhookEndpoint" }, orderBy: { createdAt: "asc" } })).map(
        (a) => a.action,
      ),
    );
    expect(audit).toEqual(["webhook.created", "webhook.disabled", "webhook.enabled", "webhook.deleted"]);
  });

  it("refuses stewards and other tenants' owners", async () => {
    for (const who of [people.steward, people.stranger]) {
      signedIn = who;
      const res = await createWebhookEndpointAction({
        tenantSlug: "acme",
        url: "https://evil.example.com/hook",
        events: ["incident.created"],
      });
      expect(res.serverError).toBeDefined();
    }
    expect(await endpoints()).toEqual([]);
  });
});
