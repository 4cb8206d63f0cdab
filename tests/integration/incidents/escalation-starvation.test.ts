import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident } from "@/lib/seed/factories";
import { incidentTenant } from "./incident-tenant";
import { dueBreaches, escalateIncident, runEscalationSweep } from "@/lib/incidents/escalation-sweep";

// Issue 15: the sweep reads the earliest stored nextDueAt first. Rows whose stored deadlines are
// stale (a policy edit, a bad import) but which are not breached used to be left as they were, so
// they stayed first in line forever and a real breach behind them was never escalated.

const STALE_ROWS = 2_000;
const SWEEP_LIMIT = 500;
const MIN = 60_000;

let database: TestDatabase;
let tenantId = "";
let partnerId = "";
let touchpointId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  ({ tenantId, partnerId, touchpointId } = await incidentTenant("starving"));
}, 120_000);
afterAll(() => database.close());

type Deadlines = { ackDueAt: Date | null; resolveDueAt: Date | null; nextDueAt: Date | null };
const times = (d: Deadlines) => [
  d.ackDueAt?.getTime() ?? null,
  d.resolveDueAt?.getTime() ?? null,
  d.nextDueAt?.getTime() ?? null,
];

describe("the escalation sweep with stale deadlines ahead of a breach", () => {
  it("escalates the breached CRITICAL incident within two sweeps and leaves every examined row with its true deadlines", async () => {
    const now = new Date();
    // HIGH (ack 60 min), opened 10 minutes ago: not breached. Cloned STALE_ROWS times with the same clock.
    const template = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        severity: "HIGH",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 10 * MIN),
      }),
    );
    const truth = times(template);
    expect(template.nextDueAt!.getTime()).toBeGreaterThan(now.getTime());
    // CRITICAL (ack 15 min, resolve 4 h), opened 6 hours ago and never acknowledged: both breached.
    const critical = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 360 * MIN),
      }),
    );
    await withTenant({ tenantId }, async (db) => {
      await db.$executeRaw`
        insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", severity, category, title, description, status, source,
                                "escalationLevel", "openedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "createdAt", "updatedAt")
        select "tenantId", gen_random_uuid()::text, number + 10 + g, "partnerId", "touchpointId", severity, category, title, description, status, source,
               "escalationLevel", "openedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "createdAt", "updatedAt"
        from "Incident", generate_series(1, ${STALE_ROWS}::int) g
        where "tenantId" = ${tenantId} and id = ${template.id}`;
      // Stale stored deadlines, all earlier than the CRITICAL incident's (5 h 45 min ago), as an old policy left them.
      const stale = new Date(now.getTime() - 420 * MIN);
      await db.incident.updateMany({
        where: { tenantId, severity: "HIGH" },
        data: { ackDueAt: stale, resolveDueAt: stale, nextDueAt: stale },
      });
    });
    const before = await dueBreaches(now, 10 * STALE_ROWS);
    expect(before).toHaveLength(STALE_ROWS + 2);
    expect(before.slice(0, SWEEP_LIMIT).map((r) => r.incidentId)).not.toContain(critical.id);

    let sweeps = 0;
    let level = 1;
    while (level < 3 && sweeps < 2) {
      const result = await runEscalationSweep(now, SWEEP_LIMIT);
      expect(result.failed).toBe(0);
      sweeps++;
      level = (
        await withTenant({ tenantId }, (db) => db.incident.findFirstOrThrow({ where: { tenantId, id: critical.id } }))
      ).escalationLevel;
    }
    expect(level).toBe(3);

    const rows = await withTenant({ tenantId }, (db) =>
      db.incident.findMany({
        where: { tenantId, severity: "HIGH" },
        select: { ackDueAt: true, resolveDueAt: true, nextDueAt: true },
      }),
    );
    expect(rows).toHaveLength(STALE_ROWS + 1);
    const wrong = rows.filter((r) => JSON.stringify(times(r)) !== JSON.stringify(truth));
    expect(wrong).toHaveLength(0);
    const escalated = await withTenant({ tenantId }, (db) =>
      db.incident.findFirstOrThrow({ where: { tenantId, id: critical.id } }),
    );
    expect(times(escalated)).toEqual(times(critical)); // its own deadlines were right all along
    // Nothing is left in the due set, and a further sweep examines nothing.
    expect(await dueBreaches(now, 10 * STALE_ROWS)).toHaveLength(0);
    expect(await runEscalationSweep(new Date(now.getTime() + MIN), SWEEP_LIMIT)).toMatchObject({
      due: 0,
      escalations: 0,
      failed: 0,
    });
  }, 300_000);

  it("clears the stored deadline of an incident that is paused or no longer active when the sweep examines it", async () => {
    const now = new Date();
    const openedAt = new Date(now.getTime() - 600 * MIN);
    const waiting = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, { partnerId, touchpointId, severity: "MEDIUM", status: "WAITING", openedAt }),
    );
    expect(waiting.nextDueAt).toBeNull();
    // A bad import showed the paused incident as running with a past deadline: the sweep sees it as due.
    const pausedAt = waiting.pausedAt!;
    await withTenant({ tenantId }, (db) =>
      db.incident.updateMany({
        where: { tenantId, id: waiting.id },
        data: {
          status: "IN_PROGRESS",
          pausedAt: null,
          ackDueAt: openedAt,
          resolveDueAt: openedAt,
          nextDueAt: openedAt,
        },
      }),
    );
    expect((await dueBreaches(now, 10 * STALE_ROWS)).map((r) => r.incidentId)).toContain(waiting.id);
    // The import is corrected (the pause put back) after the sweep read the row but before it examined it.
    await withTenant({ tenantId }, (db) =>
      db.incident.updateMany({ where: { tenantId, id: waiting.id }, data: { status: "WAITING", pausedAt } }),
    );
    expect(await withTenant({ tenantId }, (db) => escalateIncident(db, tenantId, waiting.id, now))).toBe(0);
    const after = await withTenant({ tenantId }, (db) =>
      db.incident.findFirstOrThrow({ where: { tenantId, id: waiting.id } }),
    );
    expect(after.nextDueAt).toBeNull();
    expect(after.escalationLevel).toBe(waiting.escalationLevel);

    // A resolved incident with a left-over deadline: cleared, not escalated.
    const resolved = await withTenant({ tenantId }, (db) =>
      createIncident(db, tenantId, { partnerId, touchpointId, severity: "MEDIUM", status: "RESOLVED", openedAt }),
    );
    await withTenant({ tenantId }, (db) =>
      db.incident.updateMany({ where: { tenantId, id: resolved.id }, data: { nextDueAt: openedAt } }),
    );
    expect(await withTenant({ tenantId }, (db) => escalateIncident(db, tenantId, resolved.id, now))).toBe(0);
    const cleared = await withTenant({ tenantId }, (db) =>
      db.incident.findFirstOrThrow({ where: { tenantId, id: resolved.id } }),
    );
    expect(cleared.nextDueAt).toBeNull();
  });
});
