import { analyzeTables, prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { formatMonth } from "@/lib/months";
import { recomputeCustomerValues } from "@/lib/value/recompute";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { runExportJob } from "@/lib/scorecards/export-job";
import { ValueModelError } from "@/lib/value/tenant-models";
import { plantDemoDefection, storeDemoDefection } from "./demo-defection";
import { seedDemoChannelDesign } from "./demo-channel-design";
import { seedDemoFeedback } from "./demo-feedback";
import { seedDemoIncentives } from "./demo-incentives";
import {
  demoLogins,
  demoTenantExists,
  demoTenantId,
  seedDemoTenant,
  type DemoScale,
  type SeedDemoOptions,
} from "./demo-tenant";
import { seedDemoPlans } from "./demo-plans";

export type DemoLoginLine = { label: string; email: string; password: string };

/** The demo tenants `npm run demo` and the end-to-end tests run on. */
const DEMO_TENANTS: SeedDemoOptions[] = [
  { slug: "northwind", seed: 42 },
  { slug: "contoso", seed: 7, scale: "small" },
];

/**
 * Seeds each demo tenant that is missing (the seed's "now" is the start of today, so open
 * incidents have live SLA clocks), makes the Northwind owner a steward of Contoso too (to show the
 * tenant switcher), and returns the logins to print.
 */
export async function ensureDemoTenants(
  say: (line: string) => void,
  northwindScale: DemoScale = "full",
): Promise<DemoLoginLine[]> {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const tenants = DEMO_TENANTS.map((t) => (t.slug === "northwind" ? { ...t, scale: northwindScale } : t));
  for (const options of tenants) {
    if (await demoTenantExists(options.slug)) {
      say(`Demo tenant ${options.slug}: already seeded`);
      continue;
    }
    say(`Seeding demo tenant ${options.slug}…`);
    const { counts } = await seedDemoTenant({ ...options, asOf: today, onProgress: say });
    say(
      `  ${counts.partners} partners, ${counts.touchpoints} touchpoints, ${counts.standards} standards, ` +
        `${counts.interactions.toLocaleString("en")} interactions, ${counts.customers.toLocaleString("en")} customers, ` +
        `${counts.transactions.toLocaleString("en")} transactions, ${counts.incidents} incidents`,
    );
    await analyzeTables();
    // before the customer values: they are fitted on the purchases this changes
    await plantDemoDefection(demoTenantId(options.slug), today, options.seed ?? 42);
    await computeCustomerValueHistory(demoTenantId(options.slug), today, say);
    await publishScorecardHistory(demoTenantId(options.slug), demoLogins(options).owner.email, today, say);
    await seedDemoPlans(demoTenantId(options.slug), demoLogins(options).partner.partnerName, today, say);
    await seedDemoChannelDesign(demoTenantId(options.slug), options.seed ?? 42);
    say(`  customer feedback: ${await seedDemoFeedback(demoTenantId(options.slug), today)} surveys`);
    await seedDemoIncentives(demoTenantId(options.slug), demoLogins(options), today, say);
    await storeDemoDefection(demoTenantId(options.slug), today);
  }
  // Fresh planner statistics for the bulk-loaded rows (the embedded database has no autovacuum).
  await analyzeTables();
  const [northwind, contoso] = tenants.map((t) => demoLogins(t));
  await linkOwnerToSecondTenant(northwind.owner.email, demoTenantId("contoso"));
  return [
    { label: "Northwind owner (+ Contoso steward)", ...northwind.owner },
    { label: "Northwind steward", ...northwind.steward },
    { label: "Northwind analyst", ...northwind.analyst },
    {
      label: `Partner admin, ${northwind.partner.partnerName}`,
      email: northwind.partner.email,
      password: northwind.partner.password,
    },
    { label: "Contoso steward", ...contoso.steward },
  ];
}

async function linkOwnerToSecondTenant(email: string, tenantId: string) {
  const user = await prisma().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  await withTenant({ tenantId }, async (db) => {
    const existing = await db.membership.findFirst({ where: { tenantId, userId: user.id } });
    if (!existing) await db.membership.create({ data: { tenantId, userId: user.id, role: "STEWARD" } });
  });
}

const DEMO_VALUE_MONTHS = 6;

/** Customer value snapshots for the last months, so the value pages and equity at risk show real figures from the start. */
async function computeCustomerValueHistory(tenantId: string, today: Date, say: (line: string) => void) {
  for (let back = DEMO_VALUE_MONTHS - 1; back >= 0; back--) {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    try {
      const result = await recomputeCustomerValues(tenantId, { month, now: today });
      say(
        `  customer values ${result.month}: ${result.customers.toLocaleString("en")} customers, equity ${Math.round(result.totalEquity).toLocaleString("en")}`,
      );
    } catch (error) {
      // A small tenant's early months can be too thin for the BG/NBD fit: leave those months without snapshots.
      if (!(error instanceof ValueModelError)) throw error;
      say(`  customer values ${formatMonth(month)}: not computed (${error.message})`);
    }
  }
}

/** Months of scorecards published before today's last month, which is left for the steward to compute and publish. */
const DEMO_PUBLISHED_SCORECARD_MONTHS = [3, 2];

/** Published scorecards for two earlier months, so the dashboard shows scores, the quadrant and top movers from the start. */
async function publishScorecardHistory(tenantId: string, ownerEmail: string, today: Date, say: (line: string) => void) {
  const owner = await prisma().user.findUnique({ where: { email: ownerEmail }, select: { id: true } });
  if (!owner) return;
  for (const back of DEMO_PUBLISHED_SCORECARD_MONTHS) {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const { published, exportJobId } = await withTenant({ tenantId }, async (db) => {
      await computeMonth(db, tenantId, month, today);
      return publishMonth(db, tenantId, month, owner.id, today, { mailPartners: false });
    });
    // the month's stored export, as the publish action starts it: downloadable from the first login
    await runExportJob(tenantId, exportJobId);
    say(`  scorecards ${formatMonth(month)}: ${published} published, export stored`);
  }
}
