import pg from "pg";
import { withTenant } from "@/lib/db/scope";
import { withTenantSql } from "@/lib/db/sql-scope";
import { countBreaching, listInbox, type InboxFilters } from "@/lib/incidents/inbox";
import { loadStewardInbox } from "@/lib/incidents/inbox-page";
import { unreadNotificationCount } from "@/lib/incidents/notifications";
import { measureConcurrent, percentile, type BenchScenario } from "./types";

// The escalation inbox on a tenant with 50,000 incidents (about a fifth of them still open): all
// the page reads (loadStewardInbox: filter choices, page, total) the way the page reads them (one
// read-only transaction on the pg pool, withTenantSql), at 20 concurrent requests; for context the
// same reads in a Prisma interactive transaction (withTenant), and the navigation's counts.

const SLUG = "bench-inbox";
const INCIDENTS = 50_000;
const PARTNERS = 60;
const TOUCHPOINTS = 12;
const STEWARDS = 5;
const REQUESTS = 600;
const CONCURRENCY = 20;
const GOAL_MS = 150;

async function seed(databaseUrl: string, log: (l: string) => void): Promise<{ tenantId: string; partnerIds: string[]; touchpointIds: string[]; stewardIds: string[] }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const tenantId = `${SLUG}-tenant`;
    // The owner role is not a superuser and row-level security is forced: act as this tenant.
    await db.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
    const existing = await db.query(`select count(*)::int as n from "Incident" where "tenantId" = $1`, [tenantId]);
    if (existing.rows[0].n !== INCIDENTS) {
      log(`seeding ${INCIDENTS.toLocaleString("en-US")} incidents (bulk SQL)…`);
      await db.query("begin");
      await db.query(`delete from "Tenant" where "id" = $1`, [tenantId]);
      await db.query(`insert into "Tenant" ("id", "slug", "name") values ($1, $2, 'Bench Inbox')`, [tenantId, SLUG]);
      await db.query(
        `insert into "Partner" ("tenantId", "id", "name", "type", "status", "region", "updatedAt")
         select $1, $1 || '-p' || g, 'Partner ' || g, 'DELIVERY', 'ACTIVE', 'EU', now() from generate_series(1, ${PARTNERS}) g`,
        [tenantId],
      );
      await db.query(
        `insert into "Touchpoint" ("tenantId", "id", "name", "stage", "channel", "position")
         select $1, $1 || '-t' || g, 'Touchpoint ' || g, 'engage', 'FIELD', g from generate_series(1, ${TOUCHPOINTS}) g`,
        [tenantId],
      );
      await db.query(
        `insert into "User" ("id", "email", "name", "passwordHash")
         select $1 || '-u' || g, 'steward' || g || '@bench-inbox.test', 'Steward ' || g, 'x' from generate_series(1, ${STEWARDS}) g
         on conflict do nothing`,
        [tenantId],
      );
      await db.query(
        `insert into "Membership" ("tenantId", "id", "userId", "role")
         select $1, $1 || '-m' || g, $1 || '-u' || g, 'STEWARD' from generate_series(1, ${STEWARDS}) g`,
        [tenantId],
      );
      // ~20% still need work (OPEN / ACKNOWLEDGED / IN_PROGRESS / WAITING), with deadlines from
      // 3 days overdue to 4 days ahead; the rest resolved or closed. Deterministic (g-based).
      await db.query(
        `insert into "Incident" ("tenantId", "id", "number", "partnerId", "touchpointId", "severity", "category", "title", "description",
           "status", "source", "escalationLevel", "assigneeId", "openedAt", "acknowledgedAt", "resolvedAt", "closedAt", "pausedAt",
           "ackDueAt", "resolveDueAt", "nextDueAt", "rootCause", "resolution", "createdAt", "updatedAt")
         select $1, $1 || '-i' || g, g,
           $1 || '-p' || (1 + g % ${PARTNERS}), $1 || '-t' || (1 + g % ${TOUCHPOINTS}),
           (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g % 4]::"Severity", 'Late delivery', 'Incident ' || g, 'Bench incident',
           s.status::"IncidentStatus", 'STEWARD', 1 + (g % 7 = 0)::int + (g % 21 = 0)::int,
           case when g % 3 = 0 then $1 || '-m' || (1 + g % ${STEWARDS}) end,
           o.opened, case when s.status <> 'OPEN' then o.opened + interval '10 minutes' end,
           case when s.status in ('RESOLVED','CLOSED') then o.opened + interval '1 day' end,
           case when s.status = 'CLOSED' then o.opened + interval '2 days' end,
           case when s.status = 'WAITING' then now() - interval '1 hour' end,
           o.opened + interval '1 hour', o.opened + interval '3 days',
           case when s.status in ('OPEN','ACKNOWLEDGED','IN_PROGRESS') then now() + ((g % 10080) - 4320) * interval '1 minute' end,
           case when s.status in ('RESOLVED','CLOSED') then 'Cause' end, case when s.status in ('RESOLVED','CLOSED') then 'Fixed' end,
           o.opened, now()
         from generate_series(1, ${INCIDENTS}) g
         cross join lateral (select case when g % 5 = 0 then (array['OPEN','ACKNOWLEDGED','IN_PROGRESS','WAITING'])[1 + (g / 5) % 4]
                                         when g % 2 = 0 then 'CLOSED' else 'RESOLVED' end as status) s
         cross join lateral (select now() - (g % 40000) * interval '10 minutes' as opened) o`,
        [tenantId],
      );
      await db.query("commit");
    } else log("bench tenant already seeded");
    // What autovacuum does after a bulk insert (statistics and the visibility map for index-only scans).
    await db.query(`vacuum analyze "Incident"`);
    const ids = (sql: string) => db.query(sql, [tenantId]).then((r) => r.rows.map((row) => row.id as string));
    return {
      tenantId,
      partnerIds: await ids(`select "id" from "Partner" where "tenantId" = $1 order by "id"`),
      touchpointIds: await ids(`select "id" from "Touchpoint" where "tenantId" = $1 order by "id"`),
      stewardIds: await ids(`select "id" from "Membership" where "tenantId" = $1 order by "id"`),
    };
  } catch (error) {
    await db.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

export const inboxScenario: BenchScenario = {
  name: "inbox",
  description: `escalation inbox page reads (filter choices, page, total) on ${INCIDENTS.toLocaleString("en-US")} incidents, ${CONCURRENCY} concurrent`,
  async run({ databaseUrl, log }) {
    const { tenantId, partnerIds, touchpointIds, stewardIds } = await seed(databaseUrl, log);
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
    const page = (i: number) => withTenantSql({ tenantId }, (db) => loadStewardInbox(db, tenantId, variants[i % variants.length]));
    const pageInPrisma = (i: number) => withTenant({ tenantId }, (db) => loadStewardInbox(db, tenantId, variants[i % variants.length]));
    await measureConcurrent(40, CONCURRENCY, page); // warm-up
    const first = await withTenantSql({ tenantId }, (db) => listInbox(db, tenantId, {}));
    log(`unfiltered inbox: ${first.total.toLocaleString("en-US")} incidents need work; first due ${first.rows[0]?.nextDueAt?.toISOString?.() ?? "—"}`);
    const durations = await measureConcurrent(REQUESTS, CONCURRENCY, page);
    const prismaDurations = await measureConcurrent(REQUESTS, CONCURRENCY, pageInPrisma);
    const badge = await measureConcurrent(200, CONCURRENCY, () =>
      withTenantSql({ tenantId }, async (db) => [await countBreaching(db, tenantId), await unreadNotificationCount(db, tenantId, stewardIds[0])]),
    );
    const p50 = percentile(durations, 50);
    const p95 = percentile(durations, 95);
    log(`${REQUESTS} requests: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; in a Prisma transaction p95 ${percentile(prismaDurations, 95).toFixed(1)} ms; nav counts p95 ${percentile(badge, 95).toFixed(1)} ms`);
    return [
      { scenario: "inbox", figure: `inbox page reads p50 (${CONCURRENCY} concurrent)`, value: p50, unit: "ms" },
      { scenario: "inbox", figure: `inbox page reads p95 (${CONCURRENCY} concurrent)`, value: p95, unit: "ms", goal: `< ${GOAL_MS} ms`, pass: p95 < GOAL_MS },
      { scenario: "inbox", figure: `same reads in a Prisma transaction p95`, value: percentile(prismaDurations, 95), unit: "ms" },
      { scenario: "inbox", figure: `nav counts p95 (${CONCURRENCY} concurrent)`, value: percentile(badge, 95), unit: "ms" },
    ];
  },
};
