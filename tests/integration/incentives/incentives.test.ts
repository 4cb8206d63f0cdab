import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import { approveIncentives, incentiveMonth, partnerIncentiveHistory } from "@/lib/incentives/months";
import { updateTenantSettings } from "@/lib/tenants/settings";
import { DEFAULT_INCENTIVE_RULES } from "@/lib/incentives/rules";
import { parseMonth } from "@/lib/months";
import { getIncentiveMonth } from "@/lib/api/resources/incentives";
import type { Access } from "@/lib/auth/access";
import { exportRoute } from "@/lib/exports/route";
import { incentiveCsvDownload, incentiveExportQuery } from "@/lib/incentives/export";

let database: TestDatabase;
let tenantId = "";
let ownerId = "";
const ids = { a: "", b: "", c: "", partnerUser: "" };
const M1 = parseMonth("2026-07");
const M2 = parseMonth("2026-08");
const M3 = parseMonth("2026-09");

async function publish(month: Date, cards: [string, number | null, number | null][], version = 1) {
  await withTenant({ tenantId }, async (db) => {
    await db.scorecard.updateMany({ where: { tenantId, month, status: "PUBLISHED" }, data: { status: "SUPERSEDED" } });
    await db.scorecard.createMany({
      data: cards.map(([partnerId, score, equityServed]) => ({
        tenantId,
        partnerId,
        month,
        version,
        status: "PUBLISHED" as const,
        score,
        equityServed,
        publishedAt: new Date(),
      })),
    });
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createTenantWithOwner({ slug: "incentives" });
  tenantId = created.tenant.id;
  ownerId = created.owner.user.id;
  ids.partnerUser = (await createUser()).user.id;
  await withTenant({ tenantId }, async (db) => {
    ids.a = (await createPartner(db, tenantId, { name: "Alpha", type: "DELIVERY", status: "ACTIVE" })).id;
    ids.b = (await createPartner(db, tenantId, { name: "Bravo", type: "DELIVERY", status: "ACTIVE" })).id;
    ids.c = (await createPartner(db, tenantId, { name: "Charlie", type: "INSTALLER", status: "ACTIVE" })).id;
    await addMember(db, { tenantId, userId: ids.partnerUser, role: "PARTNER_ADMIN", partnerId: ids.b });
    await updateTenantSettings(db, tenantId, "incentives", {
      ...DEFAULT_INCENTIVE_RULES,
      poolAmount: 1000,
      floorScore: 70,
    });
  });
  await publish(M1, [
    [ids.a, 85, 10_000],
    [ids.b, 75, 30_000],
    [ids.c, 60, 50_000],
  ]);
  await publish(M2, [
    [ids.a, 92, 10_000],
    [ids.b, 74, 30_000],
    [ids.c, 62, 0],
  ]);
  await publish(M3, [
    [ids.a, 93, 10_000],
    [ids.b, 50, 30_000],
    [ids.c, 58, 0],
  ]);
});
afterAll(() => database.close());

describe("incentive months", () => {
  it("proposes from the published scorecards without storing anything", async () => {
    const view = await withTenant({ tenantId }, (db) => incentiveMonth(db, tenantId, M1));
    expect(view.state).toBe("proposed");
    const by = Object.fromEntries(view.rows.map((r) => [r.partnerName, r]));
    // First month: every partner enters its band. Pool 1,000.00 among A (85 × 10,000) and B (75 × 30,000).
    expect(by.Alpha).toMatchObject({ tier: "Gold", previousTier: null, payoutCents: 27_419 });
    expect(by.Bravo).toMatchObject({ tier: "Silver", payoutCents: 72_581 });
    expect(by.Charlie).toMatchObject({ tier: "Bronze", eligible: false, payoutCents: 0 });
    expect(view.paidCents).toBe(100_000);
    expect(await withTenant({ tenantId }, (db) => db.incentivePayout.count())).toBe(0);
  });

  it("approves in order, applies hysteresis across approved months, and freezes the result", async () => {
    await withTenant({ tenantId }, (db) => approveIncentives(db, tenantId, M1, ownerId));
    await withTenant({ tenantId }, (db) => approveIncentives(db, tenantId, M2, ownerId));
    const m2 = await withTenant({ tenantId }, (db) => incentiveMonth(db, tenantId, M2));
    const by2 = Object.fromEntries(m2.rows.map((r) => [r.partnerName, r]));
    expect(m2.state).toBe("approved");
    // A: one month in Platinum of the two needed.
    expect(by2.Alpha).toMatchObject({ band: "Platinum", tier: "Gold", streak: 1 });
    expect(by2.Charlie).toMatchObject({ eligible: false, reason: "Score below the floor of 70" });

    const m3 = await withTenant({ tenantId }, (db) => approveIncentives(db, tenantId, M3, ownerId));
    expect(m3).toMatchObject({ partners: 3, tierChanges: 1 });
    const view3 = await withTenant({ tenantId }, (db) => incentiveMonth(db, tenantId, M3));
    const by3 = Object.fromEntries(view3.rows.map((r) => [r.partnerName, r]));
    expect(by3.Alpha).toMatchObject({ previousTier: "Gold", tier: "Platinum", streak: 2 });
    expect(by3.Bravo).toMatchObject({ previousTier: "Silver", tier: "Silver", band: "Watch" });
    expect(by3.Alpha.payoutCents).toBe(100_000);

    // Rule changes and a republished month leave the approved result as it was.
    const before = JSON.stringify(view3.rows);
    await withTenant({ tenantId }, (db) =>
      updateTenantSettings(db, tenantId, "incentives", { ...DEFAULT_INCENTIVE_RULES, poolAmount: 5, floorScore: 0 }),
    );
    await publish(
      M3,
      [
        [ids.a, 10, 1],
        [ids.b, 99, 99_999],
        [ids.c, 99, 99_999],
      ],
      2,
    );
    const after = await withTenant({ tenantId }, (db) => incentiveMonth(db, tenantId, M3));
    expect(JSON.stringify(after.rows)).toBe(before);
    expect(after.poolCents).toBe(100_000);
    expect(after.rules.floorScore).toBe(70);
  });

  it("refuses approving a month twice or out of order", async () => {
    await expect(withTenant({ tenantId }, (db) => approveIncentives(db, tenantId, M3, ownerId))).rejects.toThrow(
      "already approved",
    );
    await publish(parseMonth("2026-06"), [[ids.a, 80, 1]]);
    await expect(
      withTenant({ tenantId }, (db) => approveIncentives(db, tenantId, parseMonth("2026-06"), ownerId)),
    ).rejects.toThrow("approve months in order");
    await expect(
      withTenant({ tenantId }, (db) => approveIncentives(db, tenantId, parseMonth("2026-10"), ownerId)),
    ).rejects.toThrow("no published scorecards");
  });

  it("shows a partner only its own payouts (row-level security), also through the API", async () => {
    const scope = { tenantId, partnerId: ids.b, userId: ids.partnerUser };
    const unfiltered = await withTenant(scope, (db) => db.incentivePayout.findMany());
    expect(new Set(unfiltered.map((p) => p.partnerId))).toEqual(new Set([ids.b]));
    expect(await withTenant(scope, (db) => db.incentiveMonth.count())).toBe(0);
    const history = await withTenant(scope, (db) => partnerIncentiveHistory(db, tenantId, ids.b));
    expect(history.map((h) => h.tier)).toEqual(["Silver", "Silver", "Silver"]);
    // Asking for another partner's history under the partner's scope returns nothing.
    expect(await withTenant(scope, (db) => partnerIncentiveHistory(db, tenantId, ids.a))).toEqual([]);

    const api = await withTenant(scope, (db) =>
      getIncentiveMonth(db, { tenantId, partnerId: ids.b } as never, "2026-09"),
    );
    expect(api.payouts.map((p) => p.partnerId)).toEqual([ids.b]);
    expect(api.poolCents).toBeNull();
    const steward = await withTenant({ tenantId }, (db) =>
      getIncentiveMonth(db, { tenantId, partnerId: null } as never, "2026-09"),
    );
    expect(steward.payouts).toHaveLength(3);
    expect(steward.payouts.reduce((s, p) => s + p.payoutCents, 0)).toBe(steward.paidCents);
    await expect(
      withTenant({ tenantId }, (db) => getIncentiveMonth(db, { tenantId, partnerId: null } as never, "2026-10")),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("exports an approved month's payouts as CSV through the export route, and no other month", async () => {
    const access: Access = {
      user: { id: ownerId, email: "owner@example.com", name: "Owner", sessionId: "s" },
      tenant: { id: tenantId, slug: "incentives", name: "Incentives", timezone: "UTC", currency: "USD" },
      membership: { id: "m", role: "OWNER", partnerId: null },
      partner: null,
    };
    const download = (query: string) =>
      exportRoute(
        new Request(`http://app/t/incentives/incentives/export${query}`),
        { ok: true, access },
        incentiveExportQuery,
        incentiveCsvDownload,
      );
    const response = await download("?month=2026-07");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="incentives-incentives-2026-07-USD.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = csv.slice(1).trim().split("\r\n");
    expect(header).toBe(
      "month,partner_id,partner,score,equity_served,band,previous_tier,tier,tier_reason,eligible,score_x_equity,share_percent,payout,payout_reason",
    );
    const byPartner = Object.fromEntries(rows.map((row) => [row.split(",")[2], row.split(",")]));
    expect(Object.keys(byPartner).sort()).toEqual(["Alpha", "Bravo", "Charlie"]);
    // Pool 1,000.00 among A (85 × 10,000) and B (75 × 30,000); C is below the floor.
    expect(byPartner.Alpha.slice(0, 4)).toEqual(["2026-07", ids.a, "Alpha", "85"]);
    expect(byPartner.Alpha[12]).toBe("274.19");
    expect(byPartner.Bravo[12]).toBe("725.81");
    expect([byPartner.Charlie[9], byPartner.Charlie[12]]).toEqual(["false", "0"]);

    expect((await download("")).status).toBe(400);
    expect(await (await download("?month=2026-7")).text()).toBe("Choose a month (YYYY-MM).");
    expect((await download("?month=2026-10")).status).toBe(404);
  });
});
