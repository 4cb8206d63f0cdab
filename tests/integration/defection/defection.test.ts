import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant, type Db } from "@/lib/db/scope";
import { createPartner, createTenantWithOwner, createTouchpoint } from "@/lib/seed/factories";
import { createRng } from "@/lib/seed/random";
import { defectionPeriod, defectionRowsSql, measureDefection } from "@/lib/defection/queries";
import { measureSegment, type Observation } from "@/lib/defection/measure";
import { chooseChurnBasis } from "@/lib/defection/basis";
import { latestDefection, requestDefectionRun, runDefectionJob } from "@/lib/defection/job";
import { queueJobState } from "@/lib/jobs/job-rows";
import { equityAtRiskByIncident } from "@/lib/value/equity-at-risk";
import { getTenantSettings } from "@/lib/tenants/settings";

const DAY = 86_400_000;
const NOW = new Date("2026-12-04T12:00:00Z");
// The index year for a 180-day window as of NOW: [2025-06-01, 2026-06-01).
const FROM = Date.UTC(2025, 5, 1);
const TO = Date.UTC(2026, 5, 1);

let database: TestDatabase;
let acme = "";
let other = "";

/**
 * Customers buy about every 3–5 weeks from acquisition until they churn (a random date, often
 * never). An incident hits a fifth of them once in the index year, and half of those stop buying
 * right there: a planted defection of 50 %. A good interaction (CSAT 5) hits another fifth; those
 * never churn afterwards.
 */
async function plant(db: Db, tenantId: string, customers: number, seed: number) {
  const rng = createRng(seed);
  const partner = await createPartner(db, tenantId, { name: `Partner ${seed}` });
  const touchpoint = await createTouchpoint(db, tenantId, { name: `Delivery ${seed}` });
  const rows = Array.from({ length: customers }, (_, i) => ({
    tenantId,
    id: `${tenantId.slice(0, 8)}-c${i}`,
    segment: (i % 3 === 0 ? "B2B" : "B2C") as "B2B" | "B2C",
    acquiredAt: new Date(Date.UTC(2024, 0, 1) + rng.float(0, 360) * DAY),
  }));
  await db.customer.createMany({ data: rows });
  const transactions = [];
  const incidents = [];
  const interactions = [];
  for (const c of rows) {
    const roll = rng.next();
    const eventAt = FROM + rng.float(0, (TO - FROM) / DAY) * DAY;
    let stop = rng.chance(0.35) ? FROM + rng.float(-200, 500) * DAY : Number.POSITIVE_INFINITY;
    if (roll < 0.2) {
      incidents.push({
        tenantId,
        number: incidents.length + 1,
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        customerId: c.id,
        severity: "MEDIUM" as const,
        category: "Late delivery",
        title: "Late delivery",
        description: "Arrived two days late",
        source: "STEWARD" as const,
        openedAt: new Date(eventAt),
      });
      if (rng.chance(0.5)) stop = Math.min(stop, eventAt);
    } else if (roll < 0.4) {
      interactions.push({
        tenantId,
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        customerId: c.id,
        occurredAt: new Date(eventAt),
        outcome: "SUCCESS" as const,
        csat: 5,
      });
      if (stop > eventAt) stop = Number.POSITIVE_INFINITY;
    }
    for (let t = c.acquiredAt.getTime(); t < Math.min(stop, NOW.getTime()); t += rng.float(21, 35) * DAY) {
      transactions.push({ tenantId, customerId: c.id, occurredAt: new Date(t), revenue: 80, margin: 20 });
    }
  }
  await db.transaction.createMany({ data: transactions });
  await db.incident.createMany({ data: incidents });
  await db.interaction.createMany({ data: interactions });
  // A CLV snapshot so equity at risk has something to value.
  await db.customerValue.createMany({
    data: rows.map((c) => ({
      tenantId,
      customerId: c.id,
      asOf: new Date("2026-11-01"),
      model: "BG_NBD" as const,
      clv: 100,
    })),
  });
  return { incidents: incidents.length };
}

beforeAll(async () => {
  database = await createTestDatabase();
  acme = (await createTenantWithOwner({ slug: "defection-acme" })).tenant.id;
  other = (await createTenantWithOwner({ slug: "defection-other" })).tenant.id;
  await withTenant({ tenantId: acme }, (db) => plant(db, acme, 900, 1), { timeoutMs: 120_000 });
  await withTenant({ tenantId: other }, (db) => plant(db, other, 40, 2), { timeoutMs: 120_000 });
}, 300_000);

afterAll(async () => {
  await database?.close();
});

// Each measurement reads 900 planted customers' histories: about 9 s alone on PGlite, several times that beside the
// rest of the suite on two cores, so these tests get the setup's budget rather than the default minute.
const MEASURING = { timeout: 300_000 };

describe("defection measured from the workspace's history", () => {
  it(
    "recovers the planted 50 % defection per segment within its interval, and a good-service lift",
    MEASURING,
    async () => {
      const m = await withTenant({ tenantId: acme }, (db) => measureDefection(db, acme, NOW), { timeoutMs: 120_000 });
      expect(m.from).toBe("2025-06-01");
      expect(m.to).toBe("2026-06-01");
      for (const segment of ["B2B", "B2C"] as const) {
        const bad = m.bad[segment];
        expect(bad.tooLittleData).toBe(false);
        expect(bad.treated).toBeGreaterThanOrEqual(30);
        const d = bad.attributableDefection!;
        expect(d.low).toBeLessThanOrEqual(0.5);
        expect(d.high).toBeGreaterThanOrEqual(0.5);
        expect(d.low).toBeGreaterThan(0.2);
        expect(bad.spendChangeDifference!.estimate).toBeLessThan(0);
        const good = m.good[segment];
        expect(good.tooLittleData).toBe(false);
        expect(good.repurchaseLift!.estimate).toBeGreaterThan(0);
      }
      expect(m.basis.basis).toBe("SURVEY");
      expect(m.survey.defection).toEqual({ B2B: 0.66, B2C: 0.52 });
    },
  );

  it("sees only the tenant's own customers (RLS), and says when there is too little data", async () => {
    const m = await withTenant({ tenantId: other }, (db) => measureDefection(db, other, NOW));
    const counted = (["B2B", "B2C"] as const).reduce((s, k) => s + m.bad[k].treated + m.bad[k].unmatched, 0);
    const incidents = await withTenant({ tenantId: other }, (db) =>
      db.incident.count({ where: { openedAt: { gte: new Date(FROM), lt: new Date(TO) } } }),
    );
    expect(counted).toBe(incidents);
    expect(m.bad.B2C.tooLittleData).toBe(true);
    expect(m.bad.B2C.attributableDefection).toBeNull();
    // Without the tenant in context, row-level security shows nothing at all.
    const blind = await withTenant({ tenantId: "no-such-tenant" }, (db) => measureDefection(db, acme, NOW));
    expect(blind.bad.B2C.treated + blind.bad.B2C.unmatched).toBe(0);
  });

  it(
    "the job measures off the request and stores the result with its inputs; the loader reads it",
    MEASURING,
    async () => {
      const before = await withTenant({ tenantId: acme }, (db) => latestDefection(db, acme));
      expect(before).toEqual({ measurement: null, computedAt: null, running: false, failed: null });
      // Using the measured rates needs a stored measurement: nothing is computed on the request.
      await expect(withTenant({ tenantId: acme }, (db) => chooseChurnBasis(db, acme, "MEASURED"))).rejects.toThrow(
        /not been measured yet/,
      );
      const jobId = await withTenant({ tenantId: acme }, (db) => requestDefectionRun(db, acme, null, NOW));
      // Queued in the same transaction as its Job row, with the same id.
      expect((await queueJobState(jobId))?.state).toBe("created");
      // A second request while it waits queues nothing new.
      expect(await withTenant({ tenantId: acme }, (db) => requestDefectionRun(db, acme, null, NOW))).toBe(jobId);
      expect((await withTenant({ tenantId: acme }, (db) => latestDefection(db, acme))).running).toBe(true);

      expect(await runDefectionJob(acme, jobId)).toBe(true);
      const row = await withTenant({ tenantId: acme }, (db) => db.job.findFirstOrThrow({ where: { id: jobId } }));
      expect(row.status).toBe("SUCCEEDED");
      expect(row.input).toEqual({ asOf: NOW.toISOString(), windowDays: 180 });
      const stored = await withTenant({ tenantId: acme }, (db) => latestDefection(db, acme));
      expect(stored.running).toBe(false);
      expect(stored.computedAt).toEqual(row.finishedAt);
      const direct = await withTenant({ tenantId: acme }, (db) => measureDefection(db, acme, NOW), {
        timeoutMs: 120_000,
      });
      expect(stored.measurement).toEqual(direct);
      // Another workspace sees none of it.
      expect((await withTenant({ tenantId: other }, (db) => latestDefection(db, other))).measurement).toBeNull();
    },
  );

  it("switching to the measured rates changes equity at risk, and switching back restores it", async () => {
    const incident = await withTenant({ tenantId: acme }, (db) =>
      db.incident.findFirstOrThrow({ where: { customer: { segment: "B2C" } }, select: { id: true } }),
    );
    const risk = () =>
      withTenant(
        { tenantId: acme },
        async (db) => (await equityAtRiskByIncident(db, acme, [incident.id])).get(incident.id)!,
      );
    expect((await risk()).equityAtRisk).toBeCloseTo(100 * 0.52, 6);

    const settings = await withTenant({ tenantId: acme }, (db) => chooseChurnBasis(db, acme, "MEASURED"));
    expect(settings.churnBasis).toBe("MEASURED");
    const measured = settings.measuredChurn!.B2C!;
    const { measurement, computedAt } = await withTenant({ tenantId: acme }, (db) => latestDefection(db, acme));
    expect(measured).toBe(measurement!.bad.B2C.attributableDefection!.estimate); // the stored result
    expect(settings.measuredChurn!.measuredAt).toBe(computedAt!.toISOString());
    expect(measured).toBeGreaterThan(0.2);
    expect(measured).not.toBeCloseTo(0.52, 3);
    expect((await risk()).equityAtRisk).toBeCloseTo(100 * measured, 6);

    await withTenant({ tenantId: acme }, (db) => chooseChurnBasis(db, acme, "SURVEY"));
    expect((await risk()).equityAtRisk).toBeCloseTo(100 * 0.52, 6);
    const stored = await withTenant({ tenantId: acme }, (db) => getTenantSettings(db, acme));
    expect(stored.value.measuredChurn?.B2C).toBe(measured); // kept for the record, not used
  });

  it("matches in the database exactly as the documented rules match each customer in TypeScript", async () => {
    const m = await withTenant({ tenantId: acme }, (db) => measureDefection(db, acme, NOW), { timeoutMs: 120_000 });
    type Row = Observation & { kind: "BAD" | "GOOD" | "CONTROL"; hadIncident: boolean; hadGood: boolean };
    const rows = await withTenant(
      { tenantId: acme },
      (db) => db.$queryRaw<Row[]>(defectionRowsSql(acme, defectionPeriod(NOW, 180), 180)),
      { timeoutMs: 120_000 },
    );
    expect(m.comparisonObservations).toBe(rows.filter((r) => r.kind === "CONTROL").length);
    expect(m.comparisonObservations).toBeGreaterThan(1000);
    for (const [side, kind, near] of [
      ["bad", "BAD", "hadIncident"],
      ["good", "GOOD", "hadGood"],
    ] as const) {
      // Per customer, as measure.ts documents it: the treated, and the comparison customers without that event nearby.
      const observations = rows
        .filter((r) => r.kind === kind || (r.kind === "CONTROL" && !r[near]))
        .map((r) => ({ ...r, treated: r.kind === kind }));
      expect(rows.some((r) => r.kind === "CONTROL" && r[near])).toBe(true); // some comparison customers are left out
      for (const segment of ["B2B", "B2C"] as const) {
        const expected = measureSegment(segment, observations);
        const got = m[side][segment];
        const { treated, unmatched, controls, strata, tooLittleData } = expected;
        expect({ treated: got.treated, unmatched: got.unmatched, controls: got.controls, strata: got.strata }).toEqual({
          treated,
          unmatched,
          controls,
          strata,
        });
        expect(got.tooLittleData).toBe(tooLittleData);
        for (const figure of [
          "treatedRepurchase",
          "controlRepurchase",
          "treatedBoughtMore",
          "controlBoughtMore",
        ] as const)
          expect(got[figure]).toBeCloseTo(expected[figure]!, 10);
        for (const figure of ["attributableDefection", "repurchaseLift", "spendChangeDifference"] as const) {
          const [a, b] = [got[figure]!, expected[figure]!];
          expect(a.estimate).toBeCloseTo(b.estimate, 8);
          // The same bootstrap over the same strata, drawn in another order: the same interval up to resampling
          // noise, on the scale of the unclamped interval (defection is 1 − ratio clamped at 0, lift is ratio − 1).
          const scale = expected[figure === "attributableDefection" ? "repurchaseLift" : figure]!;
          const width = Math.max(scale.high - scale.low, 1e-9);
          expect(Math.abs(a.low - b.low)).toBeLessThanOrEqual(width * 0.15);
          expect(Math.abs(a.high - b.high)).toBeLessThanOrEqual(width * 0.15);
        }
      }
    }
  });
});
