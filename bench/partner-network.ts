import { withTenant } from "@/lib/db/scope";
import { demoTenantExists, demoTenantId, seedDemoTenant } from "@/lib/seed/demo-tenant";
import { listPartners, parsePartnerListQuery, partnerDetail } from "@/lib/partners/partners";
import { complianceByPartner } from "@/lib/standards/assessments";
import { measureConcurrent, percentile, type BenchResult, type BenchScenario } from "./types";

const EXTRA_PARTNERS = 5_000;

/** The partner list (server-side search/sort/page), the detail page read and compliance of every partner, on the full demo tenant plus 5,000 partners. */
export const partnerNetworkScenario: BenchScenario = {
  name: "partner-network",
  description: `partner list query, partner detail and compliance of all partners (northwind demo + ${EXTRA_PARTNERS} partners)`,
  async run({ log }) {
    if (!(await demoTenantExists("northwind"))) {
      log("seeding the northwind demo tenant…");
      await seedDemoTenant({ slug: "northwind" });
    }
    const tenantId = demoTenantId("northwind");
    const existing = await withTenant({ tenantId }, (db) => db.partner.count({ where: { tenantId } }));
    if (existing < EXTRA_PARTNERS) {
      const types = ["DELIVERY", "INSTALLER", "RESELLER", "RETAILER", "SERVICE", "HOST"] as const;
      const regions = ["North", "South", "East", "West", "Central"];
      await withTenant({ tenantId }, (db) =>
        db.partner.createMany({
          data: Array.from({ length: EXTRA_PARTNERS }, (_, i) => ({
            tenantId,
            name: `Bench partner ${String(i).padStart(5, "0")}`,
            type: types[i % types.length],
            tier: (["REGISTERED", "SILVER", "GOLD", "PLATINUM"] as const)[i % 4],
            status: (["PROSPECT", "VETTING", "ACTIVE", "PROBATION"] as const)[i % 4],
            region: regions[i % regions.length],
            alignmentScore: (i * 37) % 100,
          })),
          skipDuplicates: true,
        }),
      );
    }
    const total = await withTenant({ tenantId }, (db) => db.partner.count({ where: { tenantId } }));
    log(`${total} partners in the tenant`);
    const queries = [
      {},
      { sort: "alignmentScore", dir: "desc" },
      { q: "partner 04", type: "RESELLER" },
      { status: "ACTIVE", region: "North", sort: "tier", page: "7" },
    ];
    const list = await measureConcurrent(200, 4, (i) =>
      withTenant({ tenantId }, (db) => listPartners(db, tenantId, parsePartnerListQuery(queries[i % queries.length]))),
    );
    const someIds = await withTenant({ tenantId }, (db) =>
      db.partner.findMany({ where: { tenantId, touchpoints: { some: {} } }, select: { id: true }, take: 20 }),
    );
    const detail = await measureConcurrent(100, 4, (i) =>
      withTenant({ tenantId }, (db) => partnerDetail(db, tenantId, someIds[i % someIds.length].id)),
    );
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
    let partnersScored = 0;
    const compliance = await measureConcurrent(50, 2, async () => {
      const result = await withTenant({ tenantId }, (db) => complianceByPartner(db, tenantId, lastMonth));
      partnersScored = result.size;
    });
    log(`compliance computed for ${partnersScored} partners per run`);
    const row = (figure: string, samples: number[], goalMs: number): BenchResult => {
      const p95 = percentile(samples, 95);
      return {
        scenario: "partner-network",
        figure,
        value: p95,
        unit: "ms p95",
        goal: `< ${goalMs} ms`,
        pass: p95 < goalMs,
      };
    };
    return [
      row(`partner list page (${total} partners, search/filter/sort)`, list, 150),
      row("partner detail read", detail, 150),
      row(`compliance of all partners for a month (${partnersScored})`, compliance, 300),
    ];
  },
};
