import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  assignPartner,
  createIncident as seedIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import { createIncident } from "@/lib/incidents/create-incident";
import {
  commentOnIncident,
  decideExtension,
  loadIncident,
  pendingExtension,
  requestExtension,
  transitionIncident,
} from "@/lib/incidents/update-incident";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { countBreaching, listInbox } from "@/lib/incidents/inbox";
import type { Actor } from "@/lib/incidents/events";

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
let swift = "";
let acme = "";
let touchpointId = "";
let otherTouchpointId = "";
let otherPartnerId = "";
const steward: Actor = { userId: null, label: "steward", kind: "steward" };
const partnerActor: Actor = { userId: null, label: "swift agent", kind: "partner" };
const MIN = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  otherTenantId = other.tenant.id;
  const agent = await createUser({ email: "agent@swift.test" });
  const stewardUser = await createUser({ email: "steward@acme.test" });
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    swift = (await createPartner(db, tenantId, { name: "Swift", status: "ACTIVE" })).id;
    acme = (await createPartner(db, tenantId, { name: "Acme Install", status: "ACTIVE" })).id;
    touchpointId = (await createTouchpoint(db, tenantId, { name: "Delivery" })).id;
    await assignPartner(db, tenantId, touchpointId, swift);
    await assignPartner(db, tenantId, touchpointId, acme);
    await addMember(db, { tenantId, userId: agent.user.id, role: "PARTNER_AGENT", partnerId: swift });
    await addMember(db, { tenantId, userId: stewardUser.user.id, role: "STEWARD" });
  });
  await withTenant({ tenantId: otherTenantId }, async (db) => {
    await createSlaPolicies(db, otherTenantId);
    otherPartnerId = (await createPartner(db, otherTenantId, { name: "Other Co", status: "ACTIVE" })).id;
    otherTouchpointId = (await createTouchpoint(db, otherTenantId, { name: "Store" })).id;
    await assignPartner(db, otherTenantId, otherTouchpointId, otherPartnerId);
  });
});
afterAll(() => database.close());

const base = {
  severity: "HIGH" as const,
  category: "Late delivery",
  title: "Parcel late",
  description: "The parcel arrived two days late.",
};

describe("incident capture", () => {
  it("numbers incidents per tenant without gaps or duplicates, also when created at the same time", async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withTenant({ tenantId }, (db) =>
          createIncident(db, tenantId, { ...base, partnerId: i % 2 ? swift : acme, touchpointId }, steward, "STEWARD"),
        ),
      ),
    );
    expect(created.map((c) => c.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    // A partner user sees only its own 3 incidents, yet its new incident continues the tenant's numbering.
    const mine = await withTenant({ tenantId, partnerId: swift }, (db) =>
      createIncident(db, tenantId, { ...base, partnerId: swift, touchpointId }, partnerActor, "PARTNER"),
    );
    expect(mine.number).toBe(7);
    // Another tenant starts at 1.
    const other = await withTenant({ tenantId: otherTenantId }, (db) =>
      createIncident(
        db,
        otherTenantId,
        { ...base, partnerId: otherPartnerId, touchpointId: otherTouchpointId },
        steward,
        "STEWARD",
      ),
    );
    expect(other.number).toBe(1);
  });

  it("sets the SLA deadlines from the policy and records CREATED and an outbox row", async () => {
    const now = new Date("2030-11-20T10:00:00Z"); // in the future, so the sweep test below leaves it alone
    const { id } = await withTenant({ tenantId }, (db) =>
      createIncident(
        db,
        tenantId,
        { ...base, severity: "CRITICAL", partnerId: swift, touchpointId, costRefunds: 12.5 },
        steward,
        "STEWARD",
        now,
      ),
    );
    const incident = await withTenant({ tenantId }, (db) =>
      db.incident.findFirstOrThrow({ where: { tenantId, id }, include: { events: true } }),
    );
    // CRITICAL: 15 min to acknowledge, 240 to resolve, 24/7.
    expect(incident.ackDueAt?.toISOString()).toBe("2030-11-20T10:15:00.000Z");
    expect(incident.resolveDueAt?.toISOString()).toBe("2030-11-20T14:00:00.000Z");
    expect(incident.nextDueAt?.toISOString()).toBe("2030-11-20T10:15:00.000Z");
    expect(Number(incident.costRefunds)).toBe(12.5);
    expect(incident.events.map((e) => e.type)).toEqual(["CREATED"]);
    const outbox = await withTenant({ tenantId }, (db) =>
      db.outboxMessage.count({ where: { tenantId, topic: "incident.created" } }),
    );
    expect(outbox).toBeGreaterThan(0);
  });

  it("refuses a partner or touchpoint of another tenant", async () => {
    await expect(
      withTenant({ tenantId }, (db) =>
        createIncident(db, tenantId, { ...base, partnerId: otherPartnerId, touchpointId }, steward, "STEWARD"),
      ),
    ).rejects.toThrow("That partner was not found.");
    await expect(
      withTenant({ tenantId }, (db) =>
        createIncident(
          db,
          tenantId,
          { ...base, partnerId: swift, touchpointId: otherTouchpointId },
          steward,
          "STEWARD",
        ),
      ),
    ).rejects.toThrow("That touchpoint was not found.");
  });
});

describe("lifecycle and the SLA clock", () => {
  it("pauses the resolve clock while WAITING and resumes it after; resolving needs root cause and resolution", async () => {
    const t0 = new Date("2026-11-20T08:00:00Z");
    const at = (m: number) => new Date(t0.getTime() + m * MIN);
    const { id } = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, { ...base, partnerId: swift, touchpointId }, steward, "STEWARD", t0),
    );
    const run = (to: "ACKNOWLEDGED" | "IN_PROGRESS" | "WAITING" | "RESOLVED" | "CLOSED", m: number, extra = {}) =>
      withTenant({ tenantId, partnerId: to === "CLOSED" ? undefined : swift }, (db) =>
        transitionIncident(
          db,
          tenantId,
          { incidentId: id, to, ...extra },
          to === "CLOSED" ? steward : partnerActor,
          at(m),
        ),
      );
    const row = () => withTenant({ tenantId }, (db) => db.incident.findFirstOrThrow({ where: { tenantId, id } }));
    await run("ACKNOWLEDGED", 10);
    await run("IN_PROGRESS", 20);
    // HIGH: resolve in 1440 min → 2026-11-21T08:00Z.
    expect((await row()).resolveDueAt?.toISOString()).toBe("2026-11-21T08:00:00.000Z");
    await run("WAITING", 60);
    expect((await row()).nextDueAt).toBeNull();
    await run("IN_PROGRESS", 150); // 90 paused minutes
    const resumed = await row();
    expect(resumed.pausedMinutes).toBe(90);
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.resolveDueAt?.toISOString()).toBe("2026-11-21T09:30:00.000Z");
    expect(resumed.nextDueAt?.toISOString()).toBe("2026-11-21T09:30:00.000Z");
    await expect(run("RESOLVED", 200)).rejects.toThrow("Resolving an incident requires a root cause and a resolution.");
    await expect(run("CLOSED", 200)).rejects.toThrow("cannot move to closed");
    await run("RESOLVED", 200, { rootCause: "Van broke down", resolution: "Re-delivered and refunded shipping" });
    // Partners do not close.
    await expect(
      withTenant({ tenantId, partnerId: swift }, (db) =>
        transitionIncident(db, tenantId, { incidentId: id, to: "CLOSED" }, partnerActor, at(210)),
      ),
    ).rejects.toThrow("Only the brand can move an incident to Closed.");
    await run("CLOSED", 300);
    const closed = await row();
    expect(closed.status).toBe("CLOSED");
    expect(closed.nextDueAt).toBeNull();
    const events = await withTenant({ tenantId }, (db) =>
      db.incidentEvent.findMany({ where: { tenantId, incidentId: id }, orderBy: { createdAt: "asc" } }),
    );
    expect(events.map((e) => e.toStatus)).toEqual([
      "OPEN",
      "ACKNOWLEDGED",
      "IN_PROGRESS",
      "WAITING",
      "IN_PROGRESS",
      "RESOLVED",
      "CLOSED",
    ]);
  });

  it("hides internal notes from the partner and applies an approved extension to the resolve deadline", async () => {
    const t0 = new Date();
    const { id } = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, { ...base, partnerId: swift, touchpointId }, steward, "STEWARD", t0),
    );
    await withTenant({ tenantId }, (db) =>
      commentOnIncident(db, tenantId, { incidentId: id, body: "Partner is slow again", internal: true }, steward),
    );
    await withTenant({ tenantId, partnerId: swift }, (db) =>
      commentOnIncident(db, tenantId, { incidentId: id, body: "On it" }, partnerActor),
    );
    await expect(
      withTenant({ tenantId, partnerId: swift }, (db) =>
        commentOnIncident(db, tenantId, { incidentId: id, body: "x", internal: true }, partnerActor),
      ),
    ).rejects.toThrow("Partners cannot write internal notes.");
    const partnerView = await withTenant({ tenantId, partnerId: swift }, (db) =>
      db.incidentEvent.findMany({ where: { tenantId, incidentId: id } }),
    );
    expect(partnerView.map((e) => e.type).sort()).toEqual(["COMMENT", "CREATED"]);
    const stewardView = await withTenant({ tenantId }, (db) =>
      db.incidentEvent.findMany({ where: { tenantId, incidentId: id } }),
    );
    expect(stewardView.map((e) => e.type).sort()).toEqual(["COMMENT", "CREATED", "NOTE"]);

    await withTenant({ tenantId, partnerId: swift }, (db) =>
      requestExtension(
        db,
        tenantId,
        { incidentId: id, minutes: 120, reason: "Waiting for a spare part" },
        partnerActor,
      ),
    );
    await expect(
      withTenant({ tenantId, partnerId: swift }, (db) =>
        requestExtension(db, tenantId, { incidentId: id, minutes: 60, reason: "And more time" }, partnerActor),
      ),
    ).rejects.toThrow("already waiting");
    const pending = await withTenant({ tenantId }, (db) => pendingExtension(db, tenantId, id));
    expect(pending?.minutes).toBe(120);
    const before = await withTenant({ tenantId }, (db) => loadIncident(db, tenantId, id));
    await withTenant({ tenantId }, (db) =>
      decideExtension(db, tenantId, { incidentId: id, requestId: pending!.id, approve: true }, steward),
    );
    const after = await withTenant({ tenantId }, (db) => loadIncident(db, tenantId, id));
    expect(after.extraMinutes).toBe(120);
    expect(after.resolveDueAt!.getTime() - before.resolveDueAt!.getTime()).toBe(120 * MIN);
    expect(await withTenant({ tenantId }, (db) => pendingExtension(db, tenantId, id))).toBeNull();
  });
});

describe("partner isolation", () => {
  it("a partner can neither see nor act on another partner's incident", async () => {
    const { id } = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, { ...base, partnerId: acme, touchpointId }, steward, "STEWARD"),
    );
    const asSwift = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId, partnerId: swift }, work);
    await expect(asSwift((db) => loadIncident(db, tenantId, id))).rejects.toMatchObject({ kind: "not-found" });
    await expect(
      asSwift((db) => transitionIncident(db, tenantId, { incidentId: id, to: "ACKNOWLEDGED" }, partnerActor)),
    ).rejects.toMatchObject({ kind: "not-found" });
    await expect(
      asSwift((db) => commentOnIncident(db, tenantId, { incidentId: id, body: "hello" }, partnerActor)),
    ).rejects.toMatchObject({ kind: "not-found" });
    await expect(
      asSwift((db) =>
        requestExtension(db, tenantId, { incidentId: id, minutes: 60, reason: "more time" }, partnerActor),
      ),
    ).rejects.toMatchObject({ kind: "not-found" });
    const inbox = await asSwift((db) => listInbox(db, tenantId, {}, { partnerId: swift, pageSize: 100 }));
    expect(inbox.rows.every((r) => r.partnerId === swift)).toBe(true);
    expect(inbox.rows.some((r) => r.id === id)).toBe(false);
  });
});

describe("the escalation sweep", () => {
  it("escalates each breach exactly once when two sweeps run at the same time", async () => {
    const now = new Date();
    // CRITICAL, opened 5 hours ago and never acknowledged: both targets (15 min, 4 h) are missed.
    const late = await withTenant({ tenantId }, (db) =>
      seedIncident(db, tenantId, {
        partnerId: swift,
        touchpointId,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 300 * MIN),
      }),
    );
    // HIGH, acknowledged, opened 2 hours ago: within its 24 h resolve target.
    const fine = await withTenant({ tenantId }, (db) =>
      seedIncident(db, tenantId, {
        partnerId: swift,
        touchpointId,
        severity: "HIGH",
        status: "IN_PROGRESS",
        openedAt: new Date(now.getTime() - 120 * MIN),
      }),
    );
    // In another tenant, acknowledged late and still open past 60 min ack (HIGH): level 2 only.
    const otherLate = await withTenant({ tenantId: otherTenantId }, (db) =>
      seedIncident(db, otherTenantId, {
        partnerId: otherPartnerId,
        touchpointId: otherTouchpointId,
        severity: "HIGH",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 90 * MIN),
      }),
    );
    expect(await withTenant({ tenantId }, (db) => countBreaching(db, tenantId, now, 0))).toBeGreaterThanOrEqual(1);

    const results = await Promise.all([runEscalationSweep(now), runEscalationSweep(now), runEscalationSweep(now)]);
    expect(results.reduce((s, r) => s + r.failed, 0)).toBe(0);
    expect(results.reduce((s, r) => s + r.escalations, 0)).toBe(3);

    const escalations = await withTenant({ tenantId }, (db) =>
      db.escalation.findMany({ where: { tenantId }, orderBy: { level: "asc" } }),
    );
    expect(escalations.map((e) => [e.incidentId, e.level, e.reason])).toEqual([
      [late.id, 2, "ACK_BREACH"],
      [late.id, 3, "RESOLVE_BREACH"],
    ]);
    const lateRow = await withTenant({ tenantId }, (db) => loadIncident(db, tenantId, late.id));
    expect(lateRow.escalationLevel).toBe(3);
    expect((await withTenant({ tenantId }, (db) => loadIncident(db, tenantId, fine.id))).escalationLevel).toBe(1);
    const events = await withTenant({ tenantId }, (db) =>
      db.incidentEvent.count({ where: { tenantId, incidentId: late.id, type: "ESCALATED" } }),
    );
    expect(events).toBe(2);
    // Level 2 notifies the tenant's stewards (1), level 3 its owners (1).
    const notes = await withTenant({ tenantId }, (db) =>
      db.notification.findMany({ where: { tenantId }, include: { membership: true } }),
    );
    expect(notes.map((n) => n.membership.role).sort()).toEqual(["OWNER", "STEWARD"]);
    expect(
      await withTenant({ tenantId }, (db) =>
        db.outboxMessage.count({ where: { tenantId, topic: "incident.escalated" } }),
      ),
    ).toBe(2);
    const other = await withTenant({ tenantId: otherTenantId }, (db) =>
      db.escalation.findMany({ where: { tenantId: otherTenantId } }),
    );
    expect(other.map((e) => [e.incidentId, e.level])).toEqual([[otherLate.id, 2]]);

    // A later sweep finds nothing new.
    const again = await runEscalationSweep(new Date(now.getTime() + MIN));
    expect(again.escalations).toBe(0);
    // The partner sees the escalation on its timeline.
    const partnerEvents = await withTenant({ tenantId, partnerId: swift }, (db) =>
      db.incidentEvent.count({ where: { tenantId, incidentId: late.id, type: "ESCALATED" } }),
    );
    expect(partnerEvents).toBe(2);
  });
});

describe("the escalation inbox query", () => {
  it("lists overdue first, then soonest due, then paused; filters and pages; the badge counts breaching ones", async () => {
    const { tenant } = await createTenantWithOwner({ slug: "inbox" });
    const t = tenant.id;
    const now = new Date();
    const ago = (m: number) => new Date(now.getTime() - m * MIN);
    const ids = await withTenant({ tenantId: t }, async (db) => {
      await createSlaPolicies(db, t);
      const p1 = (await createPartner(db, t, { name: "P1", status: "ACTIVE" })).id;
      const p2 = (await createPartner(db, t, { name: "P2", status: "ACTIVE" })).id;
      const tp = (await createTouchpoint(db, t, { name: "Door" })).id;
      const mk = (
        partnerId: string,
        severity: "CRITICAL" | "HIGH" | "LOW",
        status: "OPEN" | "IN_PROGRESS" | "WAITING" | "CLOSED",
        openedMinutesAgo: number,
      ) => seedIncident(db, t, { partnerId, touchpointId: tp, severity, status, openedAt: ago(openedMinutesAgo) });
      return {
        p1,
        p2,
        waiting: (await mk(p1, "HIGH", "WAITING", 600)).id, // paused: last
        soon: (await mk(p2, "LOW", "OPEN", 10)).id, // ack due in 1430 min
        overdue: (await mk(p1, "CRITICAL", "OPEN", 30)).id, // ack was due 15 min ago
        closed: (await mk(p2, "HIGH", "CLOSED", 5000)).id, // not in the inbox
        breaching: (await mk(p2, "HIGH", "OPEN", 20)).id, // ack due in 40 min
      };
    });
    const inbox = (f: Parameters<typeof listInbox>[2], pageSize?: number) =>
      withTenant({ tenantId: t }, (db) => listInbox(db, t, f, { pageSize }));
    const all = await inbox({});
    expect(all.rows.map((r) => r.id)).toEqual([ids.overdue, ids.breaching, ids.soon, ids.waiting]);
    expect(all.total).toBe(4);
    expect((await inbox({ partner: ids.p1 })).rows.map((r) => r.id)).toEqual([ids.overdue, ids.waiting]);
    expect((await inbox({ severity: "HIGH" })).rows.map((r) => r.id)).toEqual([ids.breaching, ids.waiting]);
    expect((await inbox({ view: "closed" })).rows.map((r) => r.id)).toEqual([ids.closed]);
    const page2 = await inbox({ page: 2 }, 3);
    expect(page2.rows.map((r) => r.id)).toEqual([ids.waiting]);
    expect(page2.total).toBe(4);
    // Breached or due within the hour: overdue + breaching.
    expect(await withTenant({ tenantId: t }, (db) => countBreaching(db, t, now))).toBe(2);
  });
});
