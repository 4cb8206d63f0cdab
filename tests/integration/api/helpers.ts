import { withTenant } from "@/lib/db/scope";
import { createApiKey } from "@/lib/api/keys";
import {
  assignPartner,
  createCustomer,
  createPartner,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";

export const BASE = "http://steward.test/api/v1";

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

/** Calls a route handler the way Next does: a Request, and the dynamic segments as a promise. */
export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(BASE + path, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A tenant with two partners, a touchpoint each, a customer each, a tenant key and a key for partner A. */
export async function apiFixture(slug = "acme", rateLimitPerMinute = 600) {
  const { tenant, owner } = await createTenantWithOwner({ slug });
  const tenantId = tenant.id;
  return withTenant({ tenantId }, async (db) => {
    const partnerA = await createPartner(db, tenantId, {
      name: "Alpha Deliveries",
      type: "DELIVERY",
      status: "ACTIVE",
    });
    const partnerB = await createPartner(db, tenantId, {
      name: "Bravo Installs",
      type: "INSTALLER",
      status: "PROBATION",
    });
    const touchpointA = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const touchpointB = await createTouchpoint(db, tenantId, { name: "Installation" });
    await assignPartner(db, tenantId, touchpointA.id, partnerA.id);
    await assignPartner(db, tenantId, touchpointB.id, partnerB.id);
    const customerA = await createCustomer(db, tenantId, { acquiringPartnerId: partnerA.id, externalRef: "cust-a" });
    const customerB = await createCustomer(db, tenantId, { acquiringPartnerId: partnerB.id, externalRef: "cust-b" });
    const tenantKey = await createApiKey(db, tenantId, owner.user.id, { name: "ERP", rateLimitPerMinute });
    const partnerKey = await createApiKey(db, tenantId, owner.user.id, {
      name: "Alpha TMS",
      partnerId: partnerA.id,
      rateLimitPerMinute,
    });
    return {
      tenantId,
      ownerId: owner.user.id,
      partnerA,
      partnerB,
      touchpointA,
      touchpointB,
      customerA,
      customerB,
      tenantKey: tenantKey.key,
      tenantKeyId: tenantKey.apiKey.id,
      partnerKey: partnerKey.key,
      partnerKeyId: partnerKey.apiKey.id,
    };
  });
}

export type ApiFixture = Awaited<ReturnType<typeof apiFixture>>;

export const interaction = (f: ApiFixture, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  partnerId: f.partnerA.id,
  touchpointId: f.touchpointA.id,
  occurredAt: "2026-03-01T10:00:00Z",
  outcome: "SUCCESS",
  csat: 5,
  ...overrides,
});
