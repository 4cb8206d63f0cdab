import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { isMet } from "@/lib/standards/evaluate";
import {
  demoLogins,
  demoTenantExists,
  demoTenantId,
  isDatabaseEmpty,
  seedDemoTenant,
  type DemoSeedResult,
} from "@/lib/seed/demo-tenant";
import { INCIDENT_STATUSES, SEVERITIES } from "@/lib/seed/factories";

let database: TestDatabase;
let emptyBefore: boolean;
let northwind: DemoSeedResult;
let contoso: DemoSeedResult;

beforeAll(async () => {
  database = await createTestDatabase();
  emptyBefore = await isDatabaseEmpty();
  northwind = await seedDemoTenant({ scale: "small" });
  contoso = await seedDemoTenant({ slug: "contoso", scale: "small", seed: 7 });
});
afterAll(() => database.close());

const inTenant = <T>(r: DemoSeedResult, work: Parameters<typeof withTenant<T>>[1]) =>
  withTenant({ tenantId: r.tenant.id }, work);

describe("small demo tenants", () => {
  it("have fixed ids and brand names, and are detected as present", async () => {
    expect(emptyBefore).toBe(true);
    expect(northwind.tenant).toMatchObject({ id: "demo-northwind", slug: "northwind", name: "Northwind Home" });
    expect(contoso.tenant).toMatchObject({ id: demoTenantId("contoso"), slug: "contoso", name: "Contoso Living" });
    expect(await demoTenantExists("northwind")).toBe(true);
    expect(await demoTenantExists("contoso")).toBe(true);
    expect(await demoTenantExists("fabrikam")).toBe(false);
    expect(await isDatabaseEmpty()).toBe(false);
    await expect(seedDemoTenant({ scale: "small" })).rejects.toThrow(/already exists/);
  });

  it("have counts in the small ranges, equal to what is in the database", async () => {
    for (const r of [northwind, contoso]) {
      const c = r.counts;
      expect(c).toMatchObject({
        partners: 6,
        touchpoints: 4,
        standards: 6,
        customers: 100,
        incidents: 20,
        slaPolicies: 4,
        alignmentQuestions: 6,
      });
      expect(c.interactions).toBeGreaterThanOrEqual(400);
      expect(c.interactions).toBeLessThanOrEqual(600);
      expect(c.transactions).toBeGreaterThanOrEqual(200);
      expect(c.transactions).toBeLessThanOrEqual(1000);
      expect(c.assessments).toBeGreaterThan(0);
      expect(c.surveyResponses).toBeGreaterThan(0);
      const stored = await inTenant(r, async (db) => ({
        partners: await db.partner.count(),
        touchpoints: await db.touchpoint.count(),
        touchpointPartners: await db.touchpointPartner.count(),
        standards: await db.experienceStandard.count(),
        customers: await db.customer.count(),
        transactions: await db.transaction.count(),
        interactions: await db.interaction.count(),
        incidents: await db.incident.count(),
        incidentEvents: await db.incidentEvent.count(),
        escalations: await db.escalation.count(),
        memberships: await db.membership.count(),
        assessments: await db.assessment.count(),
        alignmentAnswers: await db.alignmentAnswer.count(),
        surveyResponses: await db.partnerSurveyResponse.count(),
        slaPolicies: await db.slaPolicy.count(),
      }));
      for (const [key, value] of Object.entries(stored))
        expect({ key, value }).toEqual({ key, value: c[key as keyof typeof c] });
    }
  });

  it("include every incident status and severity, with unique per-tenant numbers", async () => {
    for (const r of [northwind, contoso]) {
      const incidents = await inTenant(r, (db) => db.incident.findMany({ orderBy: { number: "asc" } }));
      expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(INCIDENT_STATUSES));
      expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(SEVERITIES));
      expect(incidents.map((i) => i.number)).toEqual(Array.from({ length: incidents.length }, (_, i) => i + 1));
      for (let k = 1; k < incidents.length; k++) expect(incidents[k].openedAt >= incidents[k - 1].openedAt).toBe(true);
    }
  });

  it("keep incident deadlines, timestamps, events and escalations consistent", async () => {
    const asOf = northwind.asOf.getTime();
    const incidents = await inTenant(northwind, (db) =>
      db.incident.findMany({ include: { events: { orderBy: { createdAt: "asc" } }, escalations: true } }),
    );
    for (const i of incidents) {
      const label = `INC-${i.number} ${i.status}`;
      expect(i.nextDueAt === null, label).toBe(["WAITING", "RESOLVED", "CLOSED"].includes(i.status));
      if (i.status === "OPEN") expect(i.nextDueAt, label).toEqual(i.ackDueAt);
      if (i.status === "ACKNOWLEDGED" || i.status === "IN_PROGRESS") expect(i.nextDueAt, label).toEqual(i.resolveDueAt);
      expect(i.resolvedAt !== null, label).toBe(i.status === "RESOLVED" || i.status === "CLOSED");
      expect(i.closedAt !== null, label).toBe(i.status === "CLOSED");
      expect(i.pausedAt !== null, label).toBe(i.status === "WAITING");
      expect(Boolean(i.rootCause && i.resolution), label).toBe(i.status === "RESOLVED" || i.status === "CLOSED");
      for (const t of [i.acknowledgedAt, i.resolvedAt, i.closedAt, i.pausedAt]) {
        if (t) expect(t.getTime(), label).toBeGreaterThanOrEqual(i.openedAt.getTime());
        if (t) expect(t.getTime(), label).toBeLessThanOrEqual(asOf);
      }
      expect(i.events[0], label).toMatchObject({ type: "CREATED", toStatus: "OPEN" });
      expect(i.events.filter((e) => e.type === "STATUS_CHANGED").at(-1)?.toStatus ?? "OPEN", label).toBe(i.status);
      expect(i.escalations.length, label).toBe(i.escalationLevel - 1);
      expect(i.events.filter((e) => e.type === "ESCALATED").length, label).toBe(i.escalations.length);
    }
  });

  it("compute each assessment's met from its value and the standard", async () => {
    const assessments = await inTenant(northwind, (db) => db.assessment.findMany({ include: { standard: true } }));
    expect(assessments.length).toBeGreaterThan(0);
    for (const a of assessments) expect(a.met).toBe(isMet(a.standard, a.value));
  });

  it("create the demo logins with the right roles", async () => {
    for (const [r, options] of [
      [northwind, { scale: "small" as const }],
      [contoso, { slug: "contoso", scale: "small" as const, seed: 7 }],
    ] as const) {
      expect(demoLogins(options)).toEqual(r.logins);
      const domain = `@${r.tenant.slug}.test`;
      for (const login of [r.logins.owner, r.logins.steward, r.logins.analyst, r.logins.partner])
        expect(login.email.endsWith(domain)).toBe(true);
      const users = await prisma().user.findMany({ where: { email: { endsWith: domain } } });
      expect(users.length).toBe(r.counts.users);
      const owner = users.find((u) => u.email === r.logins.owner.email)!;
      expect(await verifyPassword(owner.passwordHash, r.logins.owner.password)).toBe(true);

      const memberships = await inTenant(r, (db) => db.membership.findMany({ include: { user: true, partner: true } }));
      const roleOf = (email: string) => memberships.find((m) => m.user.email === email);
      expect(roleOf(r.logins.owner.email)?.role).toBe("OWNER");
      expect(roleOf(r.logins.steward.email)?.role).toBe("STEWARD");
      expect(roleOf(r.logins.analyst.email)?.role).toBe("ANALYST");
      const partnerLogin = roleOf(r.logins.partner.email)!;
      expect(partnerLogin.role).toBe("PARTNER_ADMIN");
      expect(partnerLogin.partner).toMatchObject({
        name: r.logins.partner.partnerName,
        type: "DELIVERY",
        status: "ACTIVE",
      });
      const partnerUsers = memberships.filter((m) => m.role === "PARTNER_ADMIN" || m.role === "PARTNER_AGENT");
      for (const m of partnerUsers) expect(m.partnerId).not.toBeNull();
      for (const m of memberships.filter((x) => !partnerUsers.includes(x))) expect(m.partnerId).toBeNull();
      const withBoth = new Set(partnerUsers.filter((m) => m.role === "PARTNER_AGENT").map((m) => m.partnerId));
      expect(
        partnerUsers.filter((m) => m.role === "PARTNER_ADMIN" && withBoth.has(m.partnerId)).length,
      ).toBeGreaterThanOrEqual(5);
    }
  });

  it("are isolated from each other", async () => {
    const northIds = await inTenant(northwind, (db) => db.partner.findMany({ select: { id: true, tenantId: true } }));
    const contosoIds = await inTenant(contoso, (db) => db.partner.findMany({ select: { id: true, tenantId: true } }));
    expect(new Set(northIds.map((p) => p.tenantId))).toEqual(new Set(["demo-northwind"]));
    expect(new Set(contosoIds.map((p) => p.tenantId))).toEqual(new Set(["demo-contoso"]));
    const seenFromNorthwind = await inTenant(northwind, (db) =>
      db.partner.count({
        where: {
          OR: [
            { tenantId: "demo-contoso" },
            { id: { in: contosoIds.map((p) => p.id) }, tenantId: { not: "demo-northwind" } },
          ],
        },
      }),
    );
    expect(seenFromNorthwind).toBe(0);
    const tenants = await inTenant(contoso, (db) => db.tenant.findMany({ select: { id: true } }));
    expect(tenants).toEqual([{ id: "demo-contoso" }]);
    const interactions = await inTenant(contoso, (db) =>
      db.interaction.count({ where: { tenantId: "demo-northwind" } }),
    );
    expect(interactions).toBe(0);
    // the partner login sees only its own partner
    const partner = await inTenant(northwind, (db) =>
      db.partner.findFirstOrThrow({ where: { name: northwind.logins.partner.partnerName } }),
    );
    const seen = await withTenant({ tenantId: northwind.tenant.id, partnerId: partner.id }, (db) =>
      db.incident.findMany({ select: { partnerId: true } }),
    );
    expect(new Set(seen.map((s) => s.partnerId)).size).toBeLessThanOrEqual(1);
  });
});
