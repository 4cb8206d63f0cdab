import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  DEFAULT_SLA,
  FactoryError,
  INCIDENT_STATUSES,
  addMember,
  assignPartner,
  createCustomer,
  createIncident,
  createInteraction,
  createPartner,
  createSlaPolicies,
  createStandard,
  createTenantWithOwner,
  createTouchpoint,
  createTransaction,
  createUser,
} from "@/lib/seed/factories";

const MINUTE = 60_000;
let database: TestDatabase;
let tenantId: string;
let otherTenantId: string;
let partnerId: string;
let touchpointId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "acme", name: "Acme" });
  tenantId = tenant.id;
  otherTenantId = (await createTenantWithOwner()).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    partnerId = (await createPartner(db, tenantId, { name: "Swift Couriers" })).id;
    touchpointId = (await createTouchpoint(db, tenantId, { name: "Home delivery" })).id;
    await assignPartner(db, tenantId, touchpointId, partnerId);
  });
});
afterAll(() => database.close());

describe("users and tenants", () => {
  it("creates users with unique lower-cased e-mails and returns the password", async () => {
    const a = await createUser();
    const b = await createUser({ email: "  Mixed.Case@Example.TEST ", password: "s3cret-pass" });
    expect(a.user.email).not.toBe(b.user.email);
    expect(a.user.email).toMatch(/^user-\d+-[0-9a-f]+@example\.test$/);
    expect(b.user.email).toBe("mixed.case@example.test");
    expect(b.password).toBe("s3cret-pass");
    expect(b.user.passwordHash).toMatch(/^\$argon2/);
  });

  it("creates a tenant with its owner in the tenant's context", async () => {
    const { tenant, owner } = await createTenantWithOwner({
      slug: "globex",
      name: "Globex",
      ownerEmail: "Boss@Globex.test",
    });
    expect(tenant).toMatchObject({ slug: "globex", name: "Globex" });
    expect(owner.user.email).toBe("boss@globex.test");
    expect(owner.membership).toMatchObject({
      tenantId: tenant.id,
      userId: owner.user.id,
      role: "OWNER",
      partnerId: null,
    });
    const seen = await withTenant({ tenantId: tenant.id }, (db) => db.membership.findMany());
    expect(seen.map((m) => m.role)).toEqual(["OWNER"]);
  });
});

describe("addMember binds partner roles to a partner", () => {
  it("refuses a partner role without a partner and a steward role with one", async () => {
    const { user } = await createUser();
    await withTenant({ tenantId }, async (db) => {
      await expect(addMember(db, { tenantId, userId: user.id, role: "PARTNER_ADMIN" })).rejects.toThrow(FactoryError);
      await expect(
        addMember(db, { tenantId, userId: user.id, role: "PARTNER_AGENT", partnerId: null }),
      ).rejects.toThrow(/needs a partnerId/);
      for (const role of ["OWNER", "STEWARD", "ANALYST"] as const) {
        await expect(addMember(db, { tenantId, userId: user.id, role, partnerId })).rejects.toThrow(
          /cannot have a partnerId/,
        );
      }
    });
    const count = await withTenant({ tenantId }, (db) => db.membership.count({ where: { userId: user.id } }));
    expect(count).toBe(0);
  });

  it("accepts valid memberships", async () => {
    const agent = await createUser();
    const analyst = await createUser();
    await withTenant({ tenantId }, async (db) => {
      const m1 = await addMember(db, { tenantId, userId: agent.user.id, role: "PARTNER_AGENT", partnerId });
      const m2 = await addMember(db, { tenantId, userId: analyst.user.id, role: "ANALYST" });
      expect(m1).toMatchObject({ role: "PARTNER_AGENT", partnerId });
      expect(m2).toMatchObject({ role: "ANALYST", partnerId: null });
    });
  });
});

describe("partner network, standards and activity", () => {
  it("makes valid rows with defaults and overrides", async () => {
    await withTenant({ tenantId }, async (db) => {
      const p = await createPartner(db, tenantId);
      expect(p).toMatchObject({ tenantId, type: "DELIVERY", status: "ACTIVE", tier: "REGISTERED" });
      const installer = await createPartner(db, tenantId, { type: "INSTALLER", status: "PROBATION", region: "South" });
      expect(installer).toMatchObject({ type: "INSTALLER", status: "PROBATION", region: "South" });
      const standard = await createStandard(db, tenantId, touchpointId, { name: "On-time delivery", target: 95 });
      expect(standard.lineageId).toBe(standard.id);
      expect(standard).toMatchObject({
        version: 1,
        isCurrent: true,
        metricKind: "PERCENTAGE",
        comparator: "GTE",
        touchpointId,
      });
      const customer = await createCustomer(db, tenantId, { segment: "B2B", acquiringPartnerId: partnerId });
      expect(customer).toMatchObject({ segment: "B2B", acquiringPartnerId: partnerId });
      const tx = await createTransaction(db, tenantId, {
        customerId: customer.id,
        revenue: "250.50",
        margin: "70.25",
        servingPartnerId: partnerId,
      });
      expect(tx.revenue.toString()).toBe("250.5");
      const interaction = await createInteraction(db, tenantId, {
        partnerId,
        touchpointId,
        outcome: "FAILURE",
        csat: 2,
        customerId: customer.id,
      });
      expect(interaction).toMatchObject({ outcome: "FAILURE", csat: 2, nps: null });
    });
  });

  it("creates one 24/7 SLA policy per severity with the escalation ladder", async () => {
    const policies = await withTenant({ tenantId }, (db) => db.slaPolicy.findMany({ orderBy: { ackMinutes: "asc" } }));
    expect(policies.map((p) => [p.severity, p.ackMinutes, p.resolveMinutes, p.businessHoursOnly])).toEqual([
      ["CRITICAL", 15, 240, false],
      ["HIGH", 60, 1440, false],
      ["MEDIUM", 240, 4320, false],
      ["LOW", 1440, 10080, false],
    ]);
    expect(policies[0].ladder).toEqual([
      { level: 1, role: "PARTNER" },
      { level: 2, role: "STEWARD" },
      { level: 3, role: "OWNER" },
    ]);
  });
});

describe("createIncident", () => {
  it("numbers incidents per tenant and keeps every status consistent", async () => {
    const before = Date.now();
    const created = await withTenant({ tenantId }, async (db) => {
      const out = [];
      for (const status of INCIDENT_STATUSES)
        out.push(await createIncident(db, tenantId, { partnerId, touchpointId, status, severity: "HIGH" }));
      return out;
    });
    expect(created.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);

    for (const incident of created) {
      const opened = incident.openedAt.getTime();
      expect(incident.ackDueAt!.getTime()).toBe(opened + 60 * MINUTE);
      expect(incident.resolveDueAt!.getTime()).toBe(opened + 1440 * MINUTE);
      const times = [incident.acknowledgedAt, incident.resolvedAt, incident.closedAt, incident.pausedAt].filter(
        (d): d is Date => d !== null,
      );
      for (const t of times) {
        expect(t.getTime()).toBeGreaterThanOrEqual(opened);
        expect(t.getTime()).toBeLessThanOrEqual(Date.now());
      }
      expect(incident.events[0]).toMatchObject({ type: "CREATED", toStatus: "OPEN" });
      expect(incident.events.at(-1)!.toStatus).toBe(incident.status);
      for (const e of incident.events) expect(e.actorLabel).toBeTruthy();
    }
    const [open, acknowledged, inProgress, waiting, resolved, closed] = created;
    expect(open.openedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(open.nextDueAt).toEqual(open.ackDueAt);
    expect(open.acknowledgedAt).toBeNull();
    expect(acknowledged.nextDueAt).toEqual(acknowledged.resolveDueAt);
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    expect(inProgress.nextDueAt).toEqual(inProgress.resolveDueAt);
    expect(inProgress.events.map((e) => e.toStatus)).toEqual(["OPEN", "ACKNOWLEDGED", "IN_PROGRESS"]);
    expect(waiting.nextDueAt).toBeNull();
    expect(waiting.pausedAt).not.toBeNull();
    expect(resolved).toMatchObject({ nextDueAt: null, closedAt: null });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.rootCause).toBeTruthy();
    expect(resolved.resolution).toBeTruthy();
    expect(closed.closedAt!.getTime()).toBeGreaterThan(closed.resolvedAt!.getTime());
    expect(closed.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ["CREATED", null, "OPEN"],
      ["STATUS_CHANGED", "OPEN", "ACKNOWLEDGED"],
      ["STATUS_CHANGED", "ACKNOWLEDGED", "IN_PROGRESS"],
      ["STATUS_CHANGED", "IN_PROGRESS", "RESOLVED"],
      ["STATUS_CHANGED", "RESOLVED", "CLOSED"],
    ]);
    for (const i of [open, acknowledged, inProgress, waiting]) {
      expect(i.resolvedAt).toBeNull();
      expect(i.rootCause).toBeNull();
    }
  });

  it("starts numbering at 1 in another tenant and uses the default SLA without policies", async () => {
    const incident = await withTenant({ tenantId: otherTenantId }, async (db) => {
      const p = await createPartner(db, otherTenantId);
      const t = await createTouchpoint(db, otherTenantId);
      return createIncident(db, otherTenantId, { partnerId: p.id, touchpointId: t.id, severity: "CRITICAL" });
    });
    expect(incident.number).toBe(1);
    expect(incident.ackDueAt!.getTime() - incident.openedAt.getTime()).toBe(DEFAULT_SLA.CRITICAL.ackMinutes * MINUTE);
  });

  it("takes explicit timestamps, resolves without acknowledgement, and refuses a timeline that goes back", async () => {
    const openedAt = new Date("2026-03-02T10:00:00Z");
    const resolvedAt = new Date("2026-03-02T12:00:00Z");
    const incident = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        status: "RESOLVED",
        severity: "LOW",
        openedAt,
        acknowledgedAt: null,
        resolvedAt,
        rootCause: "Wrong label",
        resolution: "Relabelled",
      }),
    );
    expect(incident).toMatchObject({
      openedAt,
      resolvedAt,
      acknowledgedAt: null,
      rootCause: "Wrong label",
      resolution: "Relabelled",
    });
    expect(incident.events.map((e) => e.toStatus)).toEqual(["OPEN", "RESOLVED"]);

    await expect(
      withTenant({ tenantId }, (db) =>
        createIncident(db, tenantId, {
          partnerId,
          touchpointId,
          status: "ACKNOWLEDGED",
          openedAt,
          acknowledgedAt: new Date("2026-03-01T00:00:00Z"),
        }),
      ),
    ).rejects.toThrow(FactoryError);

    const numbers = await withTenant({ tenantId }, (db) =>
      db.incident.findMany({ select: { number: true }, orderBy: { number: "asc" } }),
    );
    expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
