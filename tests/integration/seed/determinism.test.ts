import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { planDemoRows, seedDemoTenant, type SeedDemoOptions } from "@/lib/seed/demo-tenant";

const asOf = new Date("2026-11-01T00:00:00Z");

/** Seeds a fresh database and returns what must be identical from run to run. */
async function seedAndSnapshot(options: SeedDemoOptions) {
  const database = await createTestDatabase();
  try {
    const result = await seedDemoTenant(options);
    const snapshot = await withTenant({ tenantId: result.tenant.id }, async (db) => {
      const partners = await db.partner.findMany({
        orderBy: { id: "asc" },
        select: { id: true, name: true, type: true, status: true, alignmentScore: true },
      });
      const [interactions] = await db.$queryRaw<{ n: bigint; checksum: string }[]>`
        select count(*) as n,
               md5(string_agg(id || ':' || "partnerId" || ':' || outcome || ':' || coalesce(csat::text, '-') || ':' || coalesce(nps::text, '-') || ':' || "occurredAt"::text, ',' order by id)) as checksum
        from "Interaction"`;
      const [transactions] = await db.$queryRaw<{ checksum: string }[]>`
        select md5(string_agg(id || ':' || "customerId" || ':' || revenue::text || ':' || margin::text || ':' || "occurredAt"::text, ',' order by id)) as checksum
        from "Transaction"`;
      const incidents = await db.incident.findMany({
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          title: true,
          status: true,
          severity: true,
          openedAt: true,
          nextDueAt: true,
          partnerId: true,
        },
      });
      return {
        partners,
        interactions: { n: Number(interactions.n), checksum: interactions.checksum },
        transactions: transactions.checksum,
        incidents,
      };
    });
    return { counts: result.counts, logins: result.logins, snapshot };
  } finally {
    await database.close();
  }
}

describe("demo seed determinism", () => {
  it("writes identical data for the same seed on two fresh databases", async () => {
    const first = await seedAndSnapshot({ scale: "small", seed: 42, asOf });
    const second = await seedAndSnapshot({ scale: "small", seed: 42, asOf });
    expect(first.snapshot.partners.map((p) => p.name)).toEqual(second.snapshot.partners.map((p) => p.name));
    expect(first.counts).toEqual(second.counts);
    expect(first.snapshot.interactions.n).toBe(first.counts.interactions);
    expect(first.snapshot.interactions.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(first.snapshot).toEqual(second.snapshot);
    expect(first.logins).toEqual(second.logins);
  }, 120_000);

  it("plans the same rows for the same options and different ones for another seed", () => {
    const a = planDemoRows({ scale: "small", seed: 42, asOf });
    const b = planDemoRows({ scale: "small", seed: 42, asOf });
    const c = planDemoRows({ scale: "small", seed: 43, asOf });
    const outcomes = (p: typeof a) => p.interactions.map((i) => `${i.id}:${i.outcome}:${i.csat ?? "-"}`).join(",");
    expect(outcomes(a)).toBe(outcomes(b));
    expect(a.incidents).toEqual(b.incidents);
    expect(outcomes(a)).not.toBe(outcomes(c));
  });
});
