import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { resetEnvCache } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import {
  createIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";

// Issue 15, breach to escalation: a worker killed with SIGKILL in the middle of a sweep leaves its job
// "active" until the engine expires it (5 minutes). The next sweep must not wait for that, and the period
// must hold without the dead worker (every worker queues the sweep each period; no chain from run to run).

let database: TestDatabase;
let worker: JobWorker | null = null;
const SWEEP = "incidents.escalation-sweep";

beforeAll(async () => {
  process.env.STEWARD_SWEEP_INTERVAL_MS = "1000";
  resetEnvCache();
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  delete process.env.STEWARD_SWEEP_INTERVAL_MS;
  resetEnvCache();
  await database?.close();
});

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the escalation sweep after a worker died mid-sweep", () => {
  it("runs again within a few periods and escalates a new breach once", async () => {
    // The dead worker: a sweep it had started when it was killed (its job stays active, 5 minutes from expiring).
    const { tenant } = await createTenantWithOwner({ slug: "sweep-crash" });
    const tenantId = tenant.id;
    const dead = await withTenant({ tenantId }, (db) => enqueue(db, SWEEP, {}));
    await prisma().$executeRawUnsafe(
      `update pgboss.job set state = 'active', started_on = now() where name = '${SWEEP}' and id = $1::uuid`,
      dead,
    );
    const incident = await withTenant({ tenantId }, async (db) => {
      await createSlaPolicies(db, tenantId);
      const partner = await createPartner(db, tenantId, { name: "Swift", status: "ACTIVE" });
      const touchpoint = await createTouchpoint(db, tenantId, { name: "Delivery" });
      // CRITICAL, opened an hour ago, never acknowledged: its 15-minute target is missed.
      return createIncident(db, tenantId, {
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(Date.now() - 60 * 60_000),
      });
    });

    // The surviving worker: the dead job is still active and 5 minutes from expiring.
    worker = await startJobWorker({ queues: [SWEEP], threads: false, maintenanceIntervalSeconds: 60 });
    const escalations = await until(
      () => withTenant({ tenantId }, (db) => db.escalation.findMany({ where: { incidentId: incident.id } })),
      (rows) => rows.length > 0,
      20_000,
    );
    expect(escalations).toHaveLength(1); // the acknowledge target's rung
    const [{ state }] = await prisma().$queryRawUnsafe<{ state: string }[]>(
      `select state::text from pgboss.job where name = '${SWEEP}' and id = $1::uuid`,
      dead,
    );
    expect(state).toBe("active");

    // Later sweeps (several periods) escalate nothing twice.
    const runs = async () =>
      (
        await prisma().$queryRawUnsafe<{ n: number }[]>(
          `select count(*)::int as n from pgboss.job where name = '${SWEEP}' and state = 'completed'`,
        )
      )[0].n;
    const before = await runs();
    await until(runs, (n) => n >= before + 2, 20_000);
    expect(await runs()).toBeGreaterThanOrEqual(before + 2);
    const again = await withTenant({ tenantId }, (db) => db.escalation.count({ where: { incidentId: incident.id } }));
    expect(again).toBe(1);
  }, 120_000);
});
