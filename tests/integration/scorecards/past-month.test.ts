/**
 * A past month is reproducible (issue 14): recomputing month M uses the touchpoint assignments and the standard
 * versions in force at M's end, not today's. Unassigning a touchpoint, assigning a new one and editing a standard
 * (a new version) after M leave M's card as it was; today's reads see the changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  assignPartner,
  createInteraction,
  createPartner,
  createStandard,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { computeMonth } from "@/lib/scorecards/compute";
import { partnerScorecard } from "@/lib/scorecards/queries";
import { complianceByPartner } from "@/lib/standards/assessments";
import { editStandardRecord } from "@/lib/standards/store";
import { assignmentsInForce } from "@/lib/touchpoints/assignment-history";
import { assignPartnerToTouchpoint, unassignPartnerFromTouchpoint } from "@/lib/touchpoints/touchpoints";

const SEPT = new Date(Date.UTC(2026, 8, 1));
const OCT = new Date(Date.UTC(2026, 9, 1));
const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const JAN = new Date(Date.UTC(2026, 0, 1));

let database: TestDatabase;
let tenantId = "";
const ids: Record<string, string> = {};
const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);

const assessment = (standardId: string, met: boolean, value: number) => ({
  tenantId,
  partnerId: ids.pine,
  standardId,
  period: SEPT,
  value,
  met,
  source: "AUDIT" as const,
  verification: "VERIFIED" as const,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "past-month" });
  tenantId = tenant.id;
  await inTenant(async (db) => {
    const pine = await createPartner(db, tenantId, { name: "Pine Couriers" });
    const delivery = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const install = await createTouchpoint(db, tenantId, { name: "Install" });
    const pickup = await createTouchpoint(db, tenantId, { name: "Pickup" });
    Object.assign(ids, { pine: pine.id, delivery: delivery.id, install: install.id, pickup: pickup.id });
    await assignPartner(db, tenantId, delivery.id, pine.id, JAN);
    await assignPartner(db, tenantId, install.id, pine.id, JAN);
    const onTime = await createStandard(db, tenantId, delivery.id, { name: "On time", weight: 2, createdAt: JAN });
    const tidy = await createStandard(db, tenantId, install.id, { name: "Tidy install", weight: 1, createdAt: JAN });
    Object.assign(ids, { onTime: onTime.id, tidy: tidy.id });
    await db.assessment.createMany({ data: [assessment(onTime.id, true, 97), assessment(tidy.id, false, 80)] });
    await createInteraction(db, tenantId, {
      partnerId: pine.id,
      touchpointId: delivery.id,
      outcome: "SUCCESS",
      occurredAt: new Date(Date.UTC(2026, 8, 10)),
    });
  });
});
afterAll(() => database.close());

async function septemberCard() {
  await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
  const card = await inTenant((db) => partnerScorecard(db, tenantId, ids.pine, SEPT));
  if (!card) throw new Error("no September card");
  return card;
}

describe("a past month is reproducible", () => {
  it("recomputes September identically after its assignments and standards changed", async () => {
    const before = await septemberCard();
    expect(before.complianceScore).toBe(66.7); // On time (weight 2) met, Tidy install (weight 1) missed

    await inTenant(async (db) => {
      // After September: Pine stops installing, starts on pickup with a new standard it missed in September, and
      // "On time" gets a new version with another weight.
      await unassignPartnerFromTouchpoint(db, tenantId, ids.install, ids.pine);
      await assignPartnerToTouchpoint(db, tenantId, ids.pickup, ids.pine);
      const pickupStandard = await createStandard(db, tenantId, ids.pickup, { name: "Pickup ready", weight: 4 });
      await db.assessment.createMany({ data: [assessment(pickupStandard.id, false, 50)] });
      await editStandardRecord(db, tenantId, ids.onTime, {
        touchpointId: ids.delivery,
        name: "On time",
        description: null,
        metricKind: "PERCENTAGE",
        comparator: "GTE",
        target: 95,
        unit: "%",
        weight: 9,
        severity: "MEDIUM",
      });
    });

    const after = await septemberCard();
    expect(after.version).toBe(before.version); // the draft was replaced, not versioned
    expect(after.id).not.toBe(before.id);
    expect({ ...after, id: before.id, details: null }).toEqual({ ...before, details: null });
    expect(after.details?.subScores).toEqual(before.details?.subScores);

    // Today's assignments and versions give September another compliance: the card did not follow them.
    const today = await inTenant((db) => complianceByPartner(db, tenantId, SEPT, [ids.pine]));
    expect(today.get(ids.pine)?.score).not.toBe(before.complianceScore);
  });

  it("keeps the assignment history in the database: assigned at assignedAt, unassigned at the time of the delete", async () => {
    const events = await inTenant((db) =>
      db.touchpointAssignmentEvent.findMany({
        where: { tenantId, partnerId: ids.pine },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { touchpointId: true, assigned: true, at: true },
      }),
    );
    expect(events.slice(0, 2)).toEqual([
      { touchpointId: ids.delivery, assigned: true, at: JAN },
      { touchpointId: ids.install, assigned: true, at: JAN },
    ]);
    const later = events.slice(2);
    expect(later.map((e) => [e.touchpointId, e.assigned])).toEqual(
      expect.arrayContaining([
        [ids.install, false],
        [ids.pickup, true],
      ]),
    );
    for (const e of later) expect(Math.abs(e.at.getTime() - Date.now())).toBeLessThan(10 * 60_000);

    const september = await inTenant((db) => assignmentsInForce(db, tenantId, OCT, [ids.pine]));
    const todays = await inTenant((db) => assignmentsInForce(db, tenantId, new Date(Date.now() + 60_000), [ids.pine]));
    const sorted = (list: { touchpointId: string }[]) => list.map((a) => a.touchpointId).sort();
    expect(sorted(september)).toEqual([ids.delivery, ids.install].sort());
    expect(sorted(todays)).toEqual([ids.delivery, ids.pickup].sort());
  });

  it("orders an assignment and an unassignment written in one transaction (same time) as they happened", async () => {
    await inTenant(async (db) => {
      await assignPartnerToTouchpoint(db, tenantId, ids.install, ids.pine);
      await unassignPartnerFromTouchpoint(db, tenantId, ids.install, ids.pine);
    });
    const todays = await inTenant((db) => assignmentsInForce(db, tenantId, new Date(Date.now() + 60_000), [ids.pine]));
    expect(todays.map((a) => a.touchpointId).sort()).toEqual([ids.delivery, ids.pickup].sort());
  });

  it("is append-only and isolated: the app role cannot rewrite history, another tenant sees none of it", async () => {
    await expect(
      inTenant((db) => db.touchpointAssignmentEvent.deleteMany({ where: { tenantId, partnerId: ids.pine } })),
    ).rejects.toThrow(/permission denied/);
    const other = await createTenantWithOwner({ slug: "past-month-other" });
    const seen = await withTenant({ tenantId: other.tenant.id }, (db) => db.touchpointAssignmentEvent.count());
    expect(seen).toBe(0);
  });
});
