import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident } from "@/lib/seed/factories";
import { incidentTenant } from "./incident-tenant";
import { dueBreaches, escalateIncident, runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { changeEscalationLevel } from "@/lib/incidents/manual-escalation";
import type { Actor } from "@/lib/incidents/events";

// A manual de-escalation holds the breaches already passed (Incident.escalationHeldAt). Those incidents keep a past
// nextDueAt; if the sweep's due set still selected them, enough of them would fill every batch and a fresh breach
// behind them would never be escalated (the starvation issue 15 fixed for stale deadlines).

const HELD_ROWS = 600;
const SWEEP_LIMIT = 500;
const MIN = 60_000;
const steward: Actor = { userId: null, label: "Sam Steward", kind: "steward" };

let database: TestDatabase;
let tenantId = "";
let partnerId = "";
let touchpointId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  ({ tenantId, partnerId, touchpointId } = await incidentTenant("held-starving"));
}, 120_000);
afterAll(() => database.close());

const levelOf = async (id: string) =>
  (await withTenant({ tenantId }, (db) => db.incident.findFirstOrThrow({ where: { tenantId, id } }))).escalationLevel;

describe("the escalation sweep with manually de-escalated incidents ahead of a breach", () => {
  it("escalates a fresh breach in one sweep behind 600 held incidents, and leaves the held ones where the steward put them", async () => {
    const now = new Date();
    // CRITICAL, opened 10 hours ago, never acknowledged: both deadlines long passed. Escalated to the top, then
    // de-escalated by hand a minute ago.
    const held = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 600 * MIN),
      }),
    );
    const heldAt = new Date(now.getTime() - MIN);
    await withTenant({ tenantId }, (db) => escalateIncident(db, tenantId, held.id, new Date(heldAt.getTime() - MIN)));
    expect(await levelOf(held.id)).toBe(3);
    await withTenant({ tenantId }, (db) =>
      changeEscalationLevel(
        db,
        tenantId,
        { incidentId: held.id, direction: "down", reason: "Partner is on it" },
        steward,
        heldAt,
      ),
    );
    expect(await levelOf(held.id)).toBe(2);
    // HELD_ROWS copies of it, all with an earlier nextDueAt than the fresh breach's.
    await withTenant(
      { tenantId },
      (db) =>
        db.$executeRaw`
        insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", severity, category, title, description, status, source,
                                "escalationLevel", "escalationHeldAt", "openedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "createdAt", "updatedAt")
        select "tenantId", gen_random_uuid()::text, number + 10 + g, "partnerId", "touchpointId", severity, category, title, description, status, source,
               "escalationLevel", "escalationHeldAt", "openedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "createdAt", "updatedAt"
        from "Incident", generate_series(1, ${HELD_ROWS - 1}::int) g
        where "tenantId" = ${tenantId} and id = ${held.id}`,
    );
    // The fresh breach: CRITICAL opened 20 minutes ago, not acknowledged (ack target 15 min).
    const fresh = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 20 * MIN),
      }),
    );
    const heldRow = await withTenant({ tenantId }, (db) =>
      db.incident.findFirstOrThrow({ where: { tenantId, id: held.id } }),
    );
    expect(heldRow.nextDueAt!.getTime()).toBeLessThan(fresh.nextDueAt!.getTime());
    expect(heldRow.nextDueAt!.getTime()).toBeLessThan(now.getTime()); // still in the past: only the held time differs

    const result = await runEscalationSweep(now, SWEEP_LIMIT);
    expect(result).toMatchObject({ failed: 0, escalations: 1 });
    expect(await levelOf(fresh.id)).toBe(2);
    // The due set never held the held incidents: only the fresh breach was examined.
    expect(result.due).toBe(1);
    const levels = await withTenant({ tenantId }, (db) =>
      db.incident.groupBy({
        by: ["escalationLevel"],
        where: { tenantId, severity: "CRITICAL", id: { not: fresh.id } },
        _count: true,
      }),
    );
    expect(levels).toEqual([{ escalationLevel: 2, _count: HELD_ROWS }]);
    expect(await dueBreaches(now, 10 * HELD_ROWS)).toHaveLength(0);

    // A deadline passing after the hold escalates the held incident again: push one's resolve deadline past it.
    await withTenant({ tenantId }, (db) =>
      db.incident.updateMany({
        where: { tenantId, id: held.id },
        data: { resolveDueAt: new Date(now.getTime() - MIN / 2), nextDueAt: new Date(now.getTime() - MIN / 2) },
      }),
    );
    expect((await dueBreaches(now, 10 * HELD_ROWS)).map((r) => r.incidentId)).toEqual([held.id]);
  }, 300_000);
});
