import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident, type IncidentInput } from "@/lib/seed/factories";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { catchUpIncidents } from "../../../bench/caught-up-incidents";
import { incidentTenant } from "../incidents/incident-tenant";

// The bench's large tenant is inserted with its running incidents' breaches never escalated; the bench catches them
// up before it measures (bench/caught-up-incidents.ts). Caught up, a tenant must be as the real sweep leaves the same
// incidents: the same deadlines, levels and escalations, with nothing left due, and later breaches still escalated.

const MIN = 60_000;
const now = new Date();
const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN);

// Default SLA windows (createSlaPolicies): CRITICAL 15 min / 4 h, HIGH 1 h / 24 h, MEDIUM 4 h / 72 h, LOW 24 h / 168 h.
const INCIDENTS: Record<string, Omit<IncidentInput, "partnerId" | "touchpointId">> = {
  "critical, both targets missed": { severity: "CRITICAL", status: "OPEN", openedAt: ago(600) },
  "critical, acknowledge missed, already at level 2": {
    severity: "CRITICAL",
    status: "OPEN",
    openedAt: ago(60),
    escalationLevel: 2,
  },
  "high, acknowledged in time, resolve missed": {
    severity: "HIGH",
    status: "IN_PROGRESS",
    openedAt: ago(1_500),
    acknowledgedAt: ago(1_490),
  },
  "medium, acknowledge missed only": { severity: "MEDIUM", status: "OPEN", openedAt: ago(300) },
  "low, nothing missed yet": { severity: "LOW", status: "OPEN", openedAt: ago(30) },
  "critical, waiting on the customer": { severity: "CRITICAL", status: "WAITING", openedAt: ago(600) },
  "high, resolved": { severity: "HIGH", status: "RESOLVED", openedAt: ago(3_000) },
};

let database: TestDatabase;
let swept = "";
let caughtUp = "";

async function openIncidents(slug: string, { stale }: { stale: boolean }) {
  const { tenantId, partnerId, touchpointId } = await incidentTenant(slug);
  await withTenant({ tenantId }, async (db) => {
    for (const [title, input] of Object.entries(INCIDENTS)) {
      const incident = await createIncident(db, tenantId, { ...input, title, partnerId, touchpointId });
      // As the bench inserts them: stored deadlines of its own, far from what the SLA clock gives (and in the future,
      // so the sweep's due set would not even find them). Resolved and waiting ones are neither the sweep's nor the
      // catch-up's: their stored deadlines stay as they are in both tenants.
      if (stale && input.status !== "RESOLVED" && input.status !== "WAITING")
        await db.incident.update({
          where: { tenantId_id: { tenantId, id: incident.id } },
          data: { ackDueAt: ago(-240), resolveDueAt: ago(-5_760), nextDueAt: ago(-240) },
        });
    }
  });
  return tenantId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  swept = await openIncidents("swept", { stale: false });
  caughtUp = await openIncidents("caught-up", { stale: true });
}, 120_000);
afterAll(() => database.close());

function state(tenantId: string) {
  return withTenant({ tenantId }, async (db) => {
    const incidents = await db.incident.findMany({
      where: { tenantId },
      select: {
        title: true,
        escalationLevel: true,
        ackDueAt: true,
        resolveDueAt: true,
        nextDueAt: true,
        escalations: { select: { level: true, reason: true }, orderBy: { level: "asc" } },
      },
      orderBy: { title: "asc" },
    });
    const escalatedEvents = await db.incidentEvent.count({ where: { tenantId, type: "ESCALATED" } });
    return { incidents, escalatedEvents };
  });
}

describe("the bench's caught-up incidents", () => {
  it("are as the escalation sweep leaves them, with nothing left due, and later breaches still escalate", async () => {
    const caught = await catchUpIncidents(caughtUp, now);
    expect(caught).toEqual({ running: 5, escalations: 5, dueLeft: 0 });

    // The real sweep on the same incidents; in the caught-up tenant it finds nothing to do.
    await runEscalationSweep(now);
    const bySweep = await state(swept);
    const byCatchUp = await state(caughtUp);
    expect(bySweep.escalatedEvents).toBe(5);
    expect(byCatchUp.escalatedEvents).toBe(0);
    expect(byCatchUp.incidents).toEqual(bySweep.incidents);
    expect(byCatchUp.incidents.map((i) => [i.title, i.escalationLevel])).toEqual([
      ["critical, acknowledge missed, already at level 2", 2],
      ["critical, both targets missed", 3],
      ["critical, waiting on the customer", 1],
      ["high, acknowledged in time, resolve missed", 3],
      ["high, resolved", 1],
      ["low, nothing missed yet", 1],
      ["medium, acknowledge missed only", 2],
    ]);

    // 25 hours on, the low one has missed its acknowledgement: the sweep escalates it in both tenants alike.
    const later = await runEscalationSweep(new Date(now.getTime() + 1_500 * MIN));
    expect(later.failed).toBe(0);
    const laterBySweep = await state(swept);
    const laterByCatchUp = await state(caughtUp);
    expect(laterByCatchUp.incidents).toEqual(laterBySweep.incidents);
    expect(laterByCatchUp.incidents.find((i) => i.title === "low, nothing missed yet")?.escalationLevel).toBe(2);
    expect(laterByCatchUp.escalatedEvents).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
