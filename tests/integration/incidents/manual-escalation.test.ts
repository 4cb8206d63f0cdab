import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createIncident, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import { incidentTenant } from "./incident-tenant";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { changeEscalationLevel, manualEscalationSchema } from "@/lib/incidents/manual-escalation";
import { loadIncident } from "@/lib/incidents/update-incident";
import type { Actor } from "@/lib/incidents/events";

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
let partnerId = "";
let touchpointId = "";
const MIN = 60_000;
const steward: Actor = { userId: null, label: "Sam Steward", kind: "steward" };
const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  ({ tenantId, partnerId, touchpointId } = await incidentTenant("manual-esc"));
  otherTenantId = (await createTenantWithOwner({ slug: "manual-esc-other" })).tenant.id;
  const stewardUser = await createUser({ email: "steward@manual-esc.test" });
  await inTenant((db) => addMember(db, { tenantId, userId: stewardUser.user.id, role: "STEWARD" }));
});
afterAll(() => database.close());

describe("manual escalation", () => {
  it("a manual de-escalation holds against breaches already passed; a later breach escalates again", async () => {
    const now = new Date();
    // HIGH: acknowledge in 60 min (missed 30 min ago), resolve in 24 h.
    const incident = await inTenant((db) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        severity: "HIGH",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 90 * MIN),
      }),
    );
    expect((await runEscalationSweep(now)).escalations).toBeGreaterThanOrEqual(1);
    expect((await inTenant((db) => loadIncident(db, tenantId, incident.id))).escalationLevel).toBe(2);

    const down = await inTenant((db) =>
      changeEscalationLevel(
        db,
        tenantId,
        { incidentId: incident.id, direction: "down", reason: "Partner called, courier on the way" },
        steward,
        now,
      ),
    );
    expect(down).toMatchObject({ from: 2, to: 1 });
    const held = await inTenant((db) => loadIncident(db, tenantId, incident.id));
    expect(held.escalationLevel).toBe(1);
    expect(held.escalationHeldAt?.getTime()).toBe(now.getTime());
    const event = await inTenant((db) =>
      db.incidentEvent.findFirst({ where: { tenantId, incidentId: incident.id, type: "DE_ESCALATED" } }),
    );
    expect(event?.body).toBe("De-escalated by hand to level 1 (Partner): Partner called, courier on the way");

    // The next sweeps do not undo it: the acknowledge breach was already known when the steward de-escalated.
    expect((await runEscalationSweep(new Date(now.getTime() + MIN))).escalations).toBe(0);
    expect((await runEscalationSweep(new Date(now.getTime() + 60 * MIN))).escalations).toBe(0);
    expect((await inTenant((db) => loadIncident(db, tenantId, incident.id))).escalationLevel).toBe(1);

    // The resolve deadline passes after the de-escalation: a new breach climbs the ladder again, to the top.
    const later = new Date(now.getTime() + 24 * 60 * MIN);
    expect((await runEscalationSweep(later)).escalations).toBe(2);
    const after = await inTenant((db) => loadIncident(db, tenantId, incident.id));
    expect(after.escalationLevel).toBe(3);
    const rows = await inTenant((db) =>
      db.escalation.findMany({ where: { tenantId, incidentId: incident.id }, orderBy: { level: "asc" } }),
    );
    expect(rows.map((r) => [r.level, r.reason])).toEqual([
      [2, "RESOLVE_BREACH"],
      [3, "RESOLVE_BREACH"],
    ]);
    // Level 2 reached a second time is a new e-mail, not swallowed as a duplicate of the first.
    const mails = await inTenant((db) =>
      db.emailMessage.findMany({ where: { tenantId, kind: "escalation", recipient: "steward@manual-esc.test" } }),
    );
    expect(mails).toHaveLength(2);
  });

  it("escalating by hand notifies the next rung as an automatic escalation does", async () => {
    const now = new Date();
    const incident = await inTenant((db) =>
      createIncident(db, tenantId, { partnerId, touchpointId, severity: "LOW", status: "OPEN", openedAt: now }),
    );
    const up = await inTenant((db) =>
      changeEscalationLevel(
        db,
        tenantId,
        { incidentId: incident.id, direction: "up", reason: "VIP customer, press enquiry" },
        steward,
        now,
      ),
    );
    expect(up).toMatchObject({ from: 1, to: 2 });
    const [escalation] = await inTenant((db) =>
      db.escalation.findMany({ where: { tenantId, incidentId: incident.id } }),
    );
    expect(escalation).toMatchObject({ level: 2, reason: "MANUAL" });
    const event = await inTenant((db) =>
      db.incidentEvent.findFirst({ where: { tenantId, incidentId: incident.id, type: "ESCALATED" } }),
    );
    expect(event).toMatchObject({
      actorLabel: "Sam Steward",
      body: "Escalated by hand to level 2 (Channel manager): VIP customer, press enquiry",
    });
    const notes = await inTenant((db) =>
      db.notification.findMany({ where: { tenantId, link: { contains: incident.id } }, include: { membership: true } }),
    );
    expect(notes.map((n) => n.membership.role)).toEqual(["STEWARD"]);
    expect(
      await inTenant((db) =>
        db.emailMessage.count({ where: { tenantId, kind: "escalation", eventKey: { contains: incident.id } } }),
      ),
    ).toBe(1);
    const outbox = await inTenant((db) =>
      db.outboxMessage.findMany({ where: { tenantId, topic: "incident.escalated" } }),
    );
    expect(outbox.some((o) => (o.payload as { incidentId: string }).incidentId === incident.id)).toBe(true);
    // The sweep leaves a manual escalation alone (the clock has not breached).
    expect((await runEscalationSweep(new Date(now.getTime() + MIN))).escalations).toBe(0);
    expect((await inTenant((db) => loadIncident(db, tenantId, incident.id))).escalationLevel).toBe(2);
  });

  it("refuses past the ladder's ends, closed incidents, a missing reason and another tenant's incident", async () => {
    const now = new Date();
    const top = await inTenant((db) =>
      createIncident(db, tenantId, { partnerId, touchpointId, severity: "LOW", status: "OPEN", openedAt: now }),
    );
    await expect(
      inTenant((db) =>
        changeEscalationLevel(db, tenantId, { incidentId: top.id, direction: "down", reason: "calm" }, steward),
      ),
    ).rejects.toThrow("already at level 1");
    for (const _ of [1, 2])
      await inTenant((db) =>
        changeEscalationLevel(db, tenantId, { incidentId: top.id, direction: "up", reason: "worse" }, steward),
      );
    await expect(
      inTenant((db) =>
        changeEscalationLevel(db, tenantId, { incidentId: top.id, direction: "up", reason: "worse" }, steward),
      ),
    ).rejects.toThrow("already at the top");
    const closed = await inTenant((db) =>
      createIncident(db, tenantId, { partnerId, touchpointId, severity: "LOW", status: "CLOSED", openedAt: now }),
    );
    await expect(
      inTenant((db) =>
        changeEscalationLevel(db, tenantId, { incidentId: closed.id, direction: "up", reason: "why" }, steward),
      ),
    ).rejects.toThrow("still open");
    await expect(
      withTenant({ tenantId: otherTenantId }, (db) =>
        changeEscalationLevel(db, otherTenantId, { incidentId: top.id, direction: "down", reason: "sneaky" }, steward),
      ),
    ).rejects.toMatchObject({ kind: "not-found" });
    expect(
      manualEscalationSchema.safeParse({ incidentId: top.id, direction: "up", reason: " " }).error?.issues[0].message,
    ).toBe("Give a reason (at least 3 characters): it goes on the incident's timeline");
  });
});
