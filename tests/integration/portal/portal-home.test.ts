import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  assignPartner,
  createIncident,
  createPartner,
  createSlaPolicies,
  createStandard,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import { portalHome } from "@/lib/portal/home";

let database: TestDatabase;
let tenantId = "";
const NOW = new Date();
const HOUR = 3_600_000;
const monthsAgo = (n: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - n, 1));
const quarter = `${NOW.getUTCFullYear()}-Q${Math.floor(NOW.getUTCMonth() / 3) + 1}`;
const ids = {
  swift: "",
  metro: "",
  swiftUser: "",
  metroUser: "",
  ack: "",
  assessed: "",
  other: "",
  swiftIncidents: [] as string[],
};

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "portal-home" })).tenant.id;
  ids.swiftUser = (await createUser()).user.id;
  ids.metroUser = (await createUser()).user.id;
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const swift = await createPartner(db, tenantId, { name: "Swift", type: "DELIVERY", status: "ACTIVE" });
    const metro = await createPartner(db, tenantId, { name: "Metro", type: "DELIVERY", status: "ACTIVE" });
    const peers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => createPartner(db, tenantId, { name: `Peer ${n}`, type: "DELIVERY" })),
    );
    Object.assign(ids, { swift: swift.id, metro: metro.id });
    await addMember(db, { tenantId, userId: ids.swiftUser, role: "PARTNER_ADMIN", partnerId: swift.id });
    await addMember(db, { tenantId, userId: ids.metroUser, role: "PARTNER_ADMIN", partnerId: metro.id });
    const door = await createTouchpoint(db, tenantId, { name: "Doorstep", position: 1 });
    const returns = await createTouchpoint(db, tenantId, { name: "Returns", position: 2 });
    await assignPartner(db, tenantId, door.id, swift.id);
    await assignPartner(db, tenantId, door.id, metro.id);
    await assignPartner(db, tenantId, returns.id, metro.id);
    const ack = await createStandard(db, tenantId, door.id, { name: "On time" });
    const assessed = await createStandard(db, tenantId, door.id, { name: "Undamaged" });
    const other = await createStandard(db, tenantId, returns.id, { name: "Refund in 3 days" });
    Object.assign(ids, { ack: ack.id, assessed: assessed.id, other: other.id });
    await db.standardAcknowledgement.create({
      data: { tenantId, standardId: ack.id, partnerId: swift.id, userId: ids.swiftUser },
    });
    await db.assessment.create({
      data: {
        tenantId,
        partnerId: swift.id,
        standardId: assessed.id,
        period: monthsAgo(1),
        value: 99,
        met: true,
        source: "AUDIT",
      },
    });
    // Metro acknowledged and assessed everything: its rows must not count for Swift.
    for (const s of [ack, assessed, other]) {
      await db.standardAcknowledgement.create({
        data: { tenantId, standardId: s.id, partnerId: metro.id, userId: ids.metroUser },
      });
      await db.assessment.create({
        data: {
          tenantId,
          partnerId: metro.id,
          standardId: s.id,
          period: monthsAgo(1),
          value: 50,
          met: false,
          source: "AUDIT",
        },
      });
    }
    // Swift: one breached (opened 3 days ago, unacknowledged), one acknowledged and running, one resolved.
    const breached = await createIncident(db, tenantId, {
      partnerId: swift.id,
      touchpointId: door.id,
      severity: "HIGH",
      openedAt: new Date(NOW.getTime() - 72 * HOUR),
    });
    const running = await createIncident(db, tenantId, {
      partnerId: swift.id,
      touchpointId: door.id,
      severity: "LOW",
      status: "IN_PROGRESS",
      openedAt: new Date(NOW.getTime() - HOUR),
    });
    await createIncident(db, tenantId, { partnerId: swift.id, touchpointId: door.id, status: "RESOLVED" });
    ids.swiftIncidents = [breached.id, running.id];
    for (let n = 0; n < 4; n++)
      await createIncident(db, tenantId, {
        partnerId: metro.id,
        touchpointId: door.id,
        severity: "CRITICAL",
        openedAt: new Date(NOW.getTime() - 100 * HOUR),
      });
    await db.partnerSurveyResponse.create({
      data: {
        tenantId,
        partnerId: metro.id,
        userId: ids.metroUser,
        quarter,
        communication: 5,
        fairness: 5,
        tools: 5,
        support: 5,
      },
    });
    // Published scorecards: two months for Swift (rank 3 of 8, then a newer draft that must not show), Metro first.
    const card = (
      partnerId: string,
      month: Date,
      score: number,
      rank: number,
      status: "PUBLISHED" | "DRAFT",
      change: number | null = null,
    ) => ({
      tenantId,
      partnerId,
      month,
      score,
      rank,
      peerCount: 8,
      status,
      change,
      recommendation: "MAINTAIN" as const,
    });
    await db.scorecard.createMany({
      data: [
        card(swift.id, monthsAgo(3), 70, 5, "PUBLISHED"),
        card(swift.id, monthsAgo(2), 76.5, 3, "PUBLISHED", 6.5),
        card(swift.id, monthsAgo(1), 40, 8, "DRAFT"),
        card(metro.id, monthsAgo(2), 91, 1, "PUBLISHED"),
        ...peers.map((p, i) => card(p.id, monthsAgo(2), 80 - i, 2 + i, "PUBLISHED")),
      ],
    });
  });
});
afterAll(() => database.close());

const swiftHome = () => portalHome({ tenantId, partnerId: ids.swift, userId: ids.swiftUser }, NOW);

describe("portal home", () => {
  it("lists only the partner's own open incidents, most urgent first, with their SLA clocks", async () => {
    const home = await swiftHome();
    expect(home.incidents.total).toBe(2);
    expect(home.incidents.breached).toBe(1);
    expect(home.incidents.items.map((i) => i.id)).toEqual(ids.swiftIncidents);
    const [breached, running] = home.incidents.items;
    expect(breached).toMatchObject({ nextDeadline: "ACKNOWLEDGE", status: "OPEN" });
    expect(breached.minutesLeft!).toBeLessThan(0);
    expect(running).toMatchObject({ nextDeadline: "RESOLVE", status: "IN_PROGRESS" });
    expect(running.minutesLeft!).toBeGreaterThan(0);
  });

  it("lists the standards still to acknowledge and to assess for last month, from its own rows only", async () => {
    const home = await swiftHome();
    expect(home.toAcknowledge.map((s) => s.name)).toEqual(["Undamaged"]);
    expect(home.assessmentsDue.period).toEqual(monthsAgo(1));
    expect(home.assessmentsDue.standards.map((s) => s.name)).toEqual(["On time"]);
    const metro = await portalHome({ tenantId, partnerId: ids.metro, userId: ids.metroUser }, NOW);
    expect(metro.toAcknowledge).toEqual([]);
    expect(metro.assessmentsDue.standards).toEqual([]);
    expect(metro.incidents.total).toBe(4);
  });

  it("says whether this user answered this quarter's survey", async () => {
    expect((await swiftHome()).survey).toEqual({ quarter, answered: false });
    expect((await portalHome({ tenantId, partnerId: ids.metro, userId: ids.metroUser }, NOW)).survey.answered).toBe(
      true,
    );
  });

  it("shows the latest published score, its change and its quartile among partners of its type, nothing of others", async () => {
    const { latest } = await swiftHome();
    expect(latest).toEqual({
      month: monthsAgo(2),
      score: 76.5,
      change: 6.5,
      recommendation: "MAINTAIN",
      peerType: "DELIVERY",
      peerCount: 8,
      quartile: 2,
    });
    expect(Object.keys(latest!)).not.toContain("rank");
    expect((await portalHome({ tenantId, partnerId: ids.metro, userId: ids.metroUser }, NOW)).latest?.quartile).toBe(1);
  });

  it("row-level security hides other partners' rows in the partner's scope, even from queries without a partner filter", async () => {
    const visible = await withTenant({ tenantId, partnerId: ids.swift, userId: ids.swiftUser }, async (db) => ({
      incidents: await db.incident.findMany({ select: { partnerId: true } }),
      scorecards: await db.scorecard.findMany({ select: { partnerId: true, status: true } }),
      acknowledgements: await db.standardAcknowledgement.findMany({ select: { partnerId: true } }),
      surveys: await db.partnerSurveyResponse.count(),
    }));
    expect(new Set(visible.incidents.map((i) => i.partnerId))).toEqual(new Set([ids.swift]));
    expect(visible.scorecards).toEqual([
      { partnerId: ids.swift, status: "PUBLISHED" },
      { partnerId: ids.swift, status: "PUBLISHED" },
    ]);
    expect(visible.acknowledgements).toEqual([{ partnerId: ids.swift }]);
    expect(visible.surveys).toBe(0);
  });

  it("a partner with nothing yet gets empty lists and no score", async () => {
    const partnerId = await withTenant(
      { tenantId },
      async (db) => (await createPartner(db, tenantId, { type: "INSTALLER" })).id,
    );
    const home = await portalHome({ tenantId, partnerId, userId: ids.swiftUser }, NOW);
    expect(home).toMatchObject({ incidents: { total: 0, breached: 0, items: [] }, toAcknowledge: [], latest: null });
    expect(home.assessmentsDue.standards).toEqual([]);
  });
});
