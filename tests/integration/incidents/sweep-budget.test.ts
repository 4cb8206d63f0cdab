import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident } from "@/lib/seed/factories";
import { incidentTenant } from "./incident-tenant";
import { dueBreaches, runEscalationSweep } from "@/lib/incidents/escalation-sweep";

// A sweep keeps to its time budget within a batch too: on the large bench tenant one batch of 500 breaches took
// 36-72 s against a 20 s budget and a 30 s schedule, so sweeps ran back to back. What it leaves is the earliest due,
// and the next sweep goes on from there; every sweep escalates at least one incident, so a backlog always shrinks.

const BREACHES = 5;
const MIN = 60_000;

let database: TestDatabase;
let tenantId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { partnerId, touchpointId, ...workspace } = await incidentTenant("budgeted");
  tenantId = workspace.tenantId;
  await withTenant({ tenantId }, async (db) => {
    // CRITICAL (ack 15 min, resolve 4 h), opened 6 to 10 hours ago and never acknowledged: both targets breached.
    for (let i = 0; i < BREACHES; i++)
      await createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(Date.now() - (360 + 60 * i) * MIN),
      });
  });
}, 120_000);
afterAll(() => database.close());

const escalatedCount = () =>
  withTenant({ tenantId }, (db) => db.incident.count({ where: { tenantId, escalationLevel: { gt: 1 } } }));

describe("the escalation sweep's time budget", () => {
  it("stops escalating once its budget is spent, and the next sweeps go on until every breach is escalated", async () => {
    const now = new Date();
    expect(await dueBreaches(now)).toHaveLength(BREACHES);
    expect(await escalatedCount()).toBe(0);

    // A budget already spent: each sweep escalates one incident (as far as its breaches require) and stops.
    const first = await runEscalationSweep(now, 500, 0);
    expect(first.failed).toBe(0);
    expect(first.escalations).toBeGreaterThanOrEqual(1);
    expect(await escalatedCount()).toBe(1);
    expect(await dueBreaches(now)).toHaveLength(BREACHES - 1);

    let sweeps = 1;
    while ((await escalatedCount()) < BREACHES && sweeps < 2 * BREACHES) {
      await runEscalationSweep(now, 500, 0);
      sweeps++;
    }
    expect(sweeps).toBe(BREACHES);
    expect(await escalatedCount()).toBe(BREACHES);
    expect(await dueBreaches(now)).toHaveLength(0);

    // With time to spare, one sweep does what is left in one go: here, nothing.
    expect(await runEscalationSweep(now)).toMatchObject({ escalations: 0, failed: 0 });
  }, 120_000);
});
