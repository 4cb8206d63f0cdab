import pg from "pg";
import { withTenant } from "@/lib/db/scope";
import { withTenantSql } from "@/lib/db/sql-scope";
import { countBreaching, listInbox, type InboxFilters } from "@/lib/incidents/inbox";
import { loadStewardInbox } from "@/lib/incidents/inbox-page";
import { unreadNotificationCount } from "@/lib/incidents/notifications";
import { measureConcurrent, percentile, type BenchScenario } from "./types";
import { INCIDENTS, LARGE_TENANT_ID } from "./large-tenant";

// The escalation inbox on the shared large tenant (bench/large-tenant.ts: 50,000 incidents, every fifth
// still needing work with deadlines from 3 days overdue to 4 days ahead, a third assigned to one of 5
// stewards): all the page reads (loadStewardInbox: filter choices, page, total) the way the page reads
// them (one read-only transaction on the pg pool, withTenantSql), at 20 concurrent requests; for
// context the same reads in a Prisma interactive transaction (withTenant), and the navigation's counts.

const REQUESTS = 600;
const CONCURRENCY = 20;
const GOAL_MS = 150;

/** The ids the filters pick from (partners, touchpoints, steward memberships), as the page's choices list them. */
async function filterIds(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const tenantId = LARGE_TENANT_ID;
    // The owner role is not a superuser and row-level security is forced: act as this tenant.
    await db.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
    const ids = (sql: string) => db.query(sql, [tenantId]).then((r) => r.rows.map((row) => row.id as string));
    return {
      tenantId,
      partnerIds: await ids(`select "id" from "Partner" where "tenantId" = $1 order by "id"`),
      touchpointIds: await ids(`select "id" from "Touchpoint" where "tenantId" = $1 order by "id"`),
      stewardIds: await ids(`select "id" from "Membership" where "tenantId" = $1 and role = 'STEWARD' order by "id"`),
    };
  } finally {
    await db.end();
  }
}

export const inboxScenario: BenchScenario = {
  name: "inbox",
  description: `escalation inbox page reads (filter choices, page, total) on ${INCIDENTS.toLocaleString("en-US")} incidents, ${CONCURRENCY} concurrent`,
  usesLargeTenant: true,
  async run({ databaseUrl, log }) {
    const { tenantId, partnerIds, touchpointIds, stewardIds } = await filterIds(databaseUrl);
    // The page's typical requests: unfiltered, each filter, later pages, the closed view.
    const variants: InboxFilters[] = [
      {},
      { severity: "CRITICAL" },
      { partner: partnerIds[7] },
      { touchpoint: touchpointIds[3] },
      { level: 2 },
      { assignee: stewardIds[1] },
      { assignee: "none" },
      { page: 5 },
      { severity: "HIGH", partner: partnerIds[11] },
      { view: "closed" },
    ];
    const page = (i: number) =>
      withTenantSql({ tenantId }, (db) => loadStewardInbox(db, tenantId, variants[i % variants.length]));
    const pageInPrisma = (i: number) =>
      withTenant({ tenantId }, (db) => loadStewardInbox(db, tenantId, variants[i % variants.length]));
    await measureConcurrent(40, CONCURRENCY, page); // warm-up
    const first = await withTenantSql({ tenantId }, (db) => listInbox(db, tenantId, {}));
    log(
      `unfiltered inbox: ${first.totalCapped ? "over " : ""}${first.total.toLocaleString("en-US")} incidents need work (the page caps its count); first due ${first.rows[0]?.nextDueAt?.toISOString?.() ?? "—"}`,
    );
    const durations = await measureConcurrent(REQUESTS, CONCURRENCY, page);
    const prismaDurations = await measureConcurrent(REQUESTS, CONCURRENCY, pageInPrisma);
    const badge = await measureConcurrent(200, CONCURRENCY, () =>
      withTenantSql({ tenantId }, async (db) => [
        await countBreaching(db, tenantId),
        await unreadNotificationCount(db, tenantId, stewardIds[0]),
      ]),
    );
    const p50 = percentile(durations, 50);
    const p95 = percentile(durations, 95);
    log(
      `${REQUESTS} requests: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; in a Prisma transaction p95 ${percentile(prismaDurations, 95).toFixed(1)} ms; nav counts p95 ${percentile(badge, 95).toFixed(1)} ms`,
    );
    return [
      { scenario: "inbox", figure: `inbox page reads p50 (${CONCURRENCY} concurrent)`, value: p50, unit: "ms" },
      {
        scenario: "inbox",
        figure: `inbox page reads p95 (${CONCURRENCY} concurrent)`,
        value: p95,
        unit: "ms",
        goal: `< ${GOAL_MS} ms`,
        pass: p95 < GOAL_MS,
      },
      {
        scenario: "inbox",
        figure: `same reads in a Prisma transaction p95`,
        value: percentile(prismaDurations, 95),
        unit: "ms",
      },
      {
        scenario: "inbox",
        figure: `nav counts p95 (${CONCURRENCY} concurrent)`,
        value: percentile(badge, 95),
        unit: "ms",
      },
    ];
  },
};
