/**
 * Scorecards scenario: a large tenant (1,000 partners, 2,000,000 interactions over 12 months, 50,000 incidents,
 * 50,000 customers with 200,000 transactions and two months of CLV snapshots, survey answers, assessments), built
 * once with set-based SQL (the equity rollups of its two snapshot months are materialized as the value recompute
 * does). Measures: computing a month of scorecards (end to end: one aggregate query, compliance, equity at risk,
 * scoring, writing 1,000 drafts) next to one hand-written SQL aggregate over the same inputs; the dashboard's
 * data at 20 concurrent, both the query alone (uncached) and the call the page makes (a per-tenant cache with
 * explicit invalidation, dropped every 10th load here); the CSV and PDF exports of the month, and the scheduled
 * export job publishing queues. Timings are taken on a shared 2-core machine.
 */
import pg from "pg";
import { withTenant } from "@/lib/db/scope";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { scorecardAggregate } from "@/lib/scorecards/inputs";
import { scorecardCsv, scorecardExport } from "@/lib/scorecards/export";
import { dashboardOverview } from "@/lib/dashboard/overview";
import { cachedDashboard, invalidateDashboard } from "@/lib/dashboard/cache";
import { materializeEquityRollups } from "@/lib/value/rollups";
import { runExportJob } from "@/lib/scorecards/export-job";
import { renderScorecardPdf } from "@/components/scorecards/pdf/report";
import { measureConcurrent, percentile, type BenchResult, type BenchScenario } from "./types";

const TENANT = "bench-scorecards-tenant";
const PARTNERS = 1_000;
const INTERACTIONS = 2_000_000;
const INCIDENTS = 50_000;
const CUSTOMERS = 50_000;
const TRANSACTIONS = 200_000;
/** Bumped when the generated data changes, so an old build is replaced. */
const DATA_VERSION = "Bench scorecards (data v1)";

const monthStart = (d: Date, back = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));

async function buildTenant(url: string, month: Date, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select set_config('app.tenant_id', $1, false)`, [TENANT]);
    const { rows } = await client.query(
      `select (select name from "Tenant" where id = $1) as name, (select count(*)::int from "Interaction" where "tenantId" = $1) as n,
              (select max("asOf") from "CustomerValue" where "tenantId" = $1) as "asOf"`,
      [TENANT],
    );
    if (rows[0].name === DATA_VERSION && rows[0].n === INTERACTIONS && rows[0].asOf?.getTime?.() === month.getTime()) {
      log(`large tenant already present (${INTERACTIONS.toLocaleString()} interactions)`);
      return;
    }
    log("building the large tenant (once; a few minutes)…");
    const started = performance.now();
    await client.query("begin");
    await client.query(`select set_config('app.tenant_id', $1, true)`, [TENANT]);
    await client.query(`delete from "Tenant" where id = $1`, [TENANT]);
    await client.query(`select setseed(0.17)`);
    await client.query(`insert into "Tenant" (id, slug, name) values ($1, 'bench-scorecards', $2)`, [TENANT, DATA_VERSION]);
    await client.query(
      `insert into "Partner" ("tenantId", id, name, type, status, region, "updatedAt")
       select $1, 'sp' || lpad(g::text, 4, '0'), 'Bench partner ' || g,
              (array['DELIVERY','INSTALLER','RESELLER','RETAILER','SERVICE','HOST','CURBSIDE','OTHER'])[1 + g % 8]::"PartnerType",
              'ACTIVE', 'North', now()
       from generate_series(0, ${PARTNERS - 1}) g`,
      [TENANT],
    );
    await client.query(
      `insert into "Touchpoint" ("tenantId", id, name, stage, channel, position)
       select $1, 'st' || g, 'Bench touchpoint ' || g, 'engage', 'FIELD', g from generate_series(0, 11) g`,
      [TENANT],
    );
    await client.query(
      `insert into "TouchpointPartner" ("tenantId", "touchpointId", "partnerId")
       select $1, 'st' || ((g + k * 5) % 12), 'sp' || lpad(g::text, 4, '0') from generate_series(0, ${PARTNERS - 1}) g, generate_series(0, 1) k`,
      [TENANT],
    );
    await client.query(
      `insert into "ExperienceStandard" ("tenantId", id, "lineageId", "touchpointId", name, "metricKind", comparator, target, unit, weight, severity, version, "isCurrent")
       select $1, 'ss' || t || '-' || k, 'ss' || t || '-' || k, 'st' || t, 'Standard ' || t || '.' || k, 'PERCENTAGE', 'GTE', 95, '%', 1 + k, 'MEDIUM', 1, true
       from generate_series(0, 11) t, generate_series(0, 1) k`,
      [TENANT],
    );
    await client.query(
      `insert into "Assessment" ("tenantId", id, "partnerId", "standardId", period, value, met, source)
       select $1, 'sa' || tp."partnerId" || s.id, tp."partnerId", s.id, $2::date, 90 + random() * 10, random() < 0.7, 'AUDIT'
       from "TouchpointPartner" tp join "ExperienceStandard" s on s."tenantId" = tp."tenantId" and s."touchpointId" = tp."touchpointId"
       where tp."tenantId" = $1`,
      [TENANT, month],
    );
    // interactions over the last 12 months (month starts), partner quality varies
    await client.query(
      `insert into "Interaction" ("tenantId", id, "partnerId", "touchpointId", "occurredAt", outcome, csat, nps)
       select $1, 'si' || g, 'sp' || lpad((g % ${PARTNERS})::text, 4, '0'), 'st' || (g % 12),
              $2::timestamp + random() * (now() - $2::timestamp),
              (case when r < 0.8 then 'SUCCESS' when r < 0.9 then 'PARTIAL' else 'FAILURE' end)::"InteractionOutcome",
              case when random() < 0.6 then 1 + floor(random() * 5)::int end,
              case when random() < 0.4 then floor(random() * 11)::int end
       from (select g, random() as r from generate_series(1, ${INTERACTIONS}) g) x`,
      [TENANT, monthStart(month, 11)],
    );
    await client.query(
      `insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", severity, category, title, description,
                               "customersAffected", status, source, "openedAt", "resolvedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "updatedAt")
       select $1, 'sn' || g, g, 'sp' || lpad((g * 7 % ${PARTNERS})::text, 4, '0'), 'st' || (g % 12), 'MEDIUM', 'Late delivery',
              'Bench incident ' || g, 'Generated', 1 + g % 5,
              (case when resolved then 'RESOLVED' else 'OPEN' end)::"IncidentStatus", 'STEWARD',
              opened, case when resolved then opened + random() * interval '120 hours' end,
              opened + interval '4 hours', opened + interval '72 hours',
              case when not resolved then opened + interval '72 hours' end, now()
       from (select g, $2::timestamp + random() * (now() - $2::timestamp) as opened, random() < 0.9 as resolved
             from generate_series(1, ${INCIDENTS}) g) x`,
      [TENANT, monthStart(month, 11)],
    );
    await client.query(
      `insert into "Customer" ("tenantId", id, name, segment, "acquiredAt")
       select $1, 'sc' || g, 'Bench customer ' || g, (case when g % 5 = 0 then 'B2B' else 'B2C' end)::"Segment", now() - interval '400 days'
       from generate_series(1, ${CUSTOMERS}) g`,
      [TENANT],
    );
    await client.query(
      `insert into "Transaction" ("tenantId", id, "customerId", "occurredAt", revenue, margin, "servingPartnerId")
       select $1, 'sx' || g, 'sc' || (1 + g % ${CUSTOMERS}), now() - random() * interval '360 days', 100, 30,
              'sp' || lpad(floor(random() * ${PARTNERS})::text, 4, '0')
       from generate_series(1, ${TRANSACTIONS}) g`,
      [TENANT],
    );
    await client.query(
      `insert into "CustomerValue" ("tenantId", "customerId", "asOf", model, clv)
       select $1, c.id, m.m, 'RETENTION', 50 + random() * 2000
       from "Customer" c cross join (values ($2::date), ($3::date)) m(m) where c."tenantId" = $1`,
      [TENANT, month, monthStart(month, 1)],
    );
    const quarter = `${month.getUTCFullYear()}-Q${Math.floor(month.getUTCMonth() / 3) + 1}`;
    await client.query(
      `insert into "PartnerSurveyResponse" ("tenantId", id, "partnerId", "userId", quarter, communication, fairness, tools, support)
       select $1, 'sr' || g || '-' || u, 'sp' || lpad(g::text, 4, '0'), 'bench-user-' || u, $2,
              1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int
       from generate_series(0, ${PARTNERS - 1}) g, generate_series(1, 3) u`,
      [TENANT, quarter],
    );
    await client.query("commit");
    // as autovacuum would soon after a bulk load on a server (statistics, and the visibility map index-only scans need)
    // one statement each: several in one query string run as one transaction block, which VACUUM refuses
    for (const table of ["Interaction", "Incident", "Transaction", "CustomerValue", "Assessment"]) await client.query(`vacuum analyze "${table}"`);
    log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The yardstick: the one aggregate a DBA would hand-write for the SAME inputs the computation needs, per
 * partner: the month's interactions by outcome, CSAT and NPS; incidents opened, SLA outcomes known in the
 * month, MTTR and resolve windows; equity served this month and last month (customers served before each
 * month's end × that month's CLV snapshot); equity at risk of the month's incidents (named customer's CLV ×
 * churn + the others × the partner's average CLV × churn); standards compliance (weight met / weight
 * assessed of the current applicable standards, latest verified assessment of the month); survey answers of
 * the latest quarter. (Until this change the yardstick left out compliance, equity at risk, last month's
 * equity and the SLA windows, so it was not comparable.) Same session settings as the app's reports
 * (jit off — which only makes the yardstick faster); no nested-loop hint: with statistics the server picks
 * hash joins by itself.
 */
async function handWrittenAggregate(url: string, month: Date) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('jit', 'off', true)`, [TENANT]);
    const next = monthStart(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1)));
    const prev = monthStart(month, 1);
    const quarter = `${month.getUTCFullYear()}-Q${Math.floor(month.getUTCMonth() / 3) + 1}`;
    const t0 = performance.now();
    const result = await client.query(
      `with ia as (
         select "partnerId" pid, count(*) filter (where outcome = 'SUCCESS') s, count(*) filter (where outcome = 'PARTIAL') pa,
                count(*) filter (where outcome = 'FAILURE') f, avg(csat) csat,
                count(*) filter (where nps >= 9) pr, count(*) filter (where nps between 7 and 8) ps, count(*) filter (where nps <= 6) de
         from "Interaction" where "tenantId" = $1 and "occurredAt" >= $2 and "occurredAt" < $3 group by 1
       ), inc as (
         select "partnerId" pid, count(*) filter (where "openedAt" >= $2) opened,
                count(*) filter (where least(coalesce("resolvedAt", 'infinity'), "resolveDueAt") >= $2
                                   and least(coalesce("resolvedAt", 'infinity'), "resolveDueAt") < $3) measured,
                count(*) filter (where "resolvedAt" <= "resolveDueAt" and "resolvedAt" >= $2 and "resolvedAt" < $3) met,
                avg(extract(epoch from "resolvedAt" - "openedAt")) filter (where "resolvedAt" >= $2 and "resolvedAt" < $3) mttr,
                avg(extract(epoch from "resolveDueAt" - "openedAt")) filter (where "resolvedAt" >= $2 and "resolvedAt" < $3) target
         from "Incident" where "tenantId" = $1 and "openedAt" < $3 and ("resolvedAt" is null or "resolvedAt" >= $2 or "resolveDueAt" >= $2)
         group by 1
       ), served as (
         select "servingPartnerId" pid, "customerId" cid, min("occurredAt") first
         from "Transaction" where "tenantId" = $1 and "servingPartnerId" is not null and "occurredAt" < $3 group by 1, 2
       ), val as (
         select s.pid, sum(v.clv) eq, sum(vp.clv) filter (where s.first < $2) eq_prev,
                avg(v.clv * case c.segment when 'B2B' then 0.66 else 0.52 end) risk_per_customer
         from served s
         join "Customer" c on c."tenantId" = $1 and c.id = s.cid
         left join "CustomerValue" v on v."tenantId" = $1 and v."asOf" = $2::date and v."customerId" = s.cid
         left join "CustomerValue" vp on vp."tenantId" = $1 and vp."asOf" = $4::date and vp."customerId" = s.cid
         group by 1
       ), risk as (
         select i."partnerId" pid,
                sum(coalesce(kv.clv * case kc.segment when 'B2B' then 0.66 else 0.52 end, 0)
                    + greatest(i."customersAffected" - (i."customerId" is not null)::int, 0) * coalesce(val.risk_per_customer, 0)) risk
         from "Incident" i
         left join "CustomerValue" kv on kv."tenantId" = $1 and kv."asOf" = $2::date and kv."customerId" = i."customerId"
         left join "Customer" kc on kc."tenantId" = $1 and kc.id = i."customerId"
         left join val on val.pid = i."partnerId"
         where i."tenantId" = $1 and i."openedAt" >= $2 and i."openedAt" < $3
         group by 1
       ), comp as (
         select tp."partnerId" pid, sum(s.weight) filter (where a.met) * 100.0 / nullif(sum(s.weight) filter (where a.met is not null), 0) compliance
         from "TouchpointPartner" tp
         join "ExperienceStandard" s on s."tenantId" = $1 and s."touchpointId" = tp."touchpointId" and s."isCurrent"
         left join lateral (
           select x.met from "Assessment" x join "ExperienceStandard" v on v."tenantId" = $1 and v.id = x."standardId" and v."lineageId" = s."lineageId"
           where x."tenantId" = $1 and x."partnerId" = tp."partnerId" and x.period = $2::date and x.verification = 'VERIFIED'
           order by x."createdAt" desc limit 1
         ) a on true
         where tp."tenantId" = $1
         group by 1
       ), sv as (
         select "partnerId" pid, count(*) n, avg(communication) co, avg(fairness) fa, avg(tools) t, avg(support) su
         from "PartnerSurveyResponse" r
         where "tenantId" = $1 and quarter = (select max(quarter) from "PartnerSurveyResponse" q where q."tenantId" = $1 and q."partnerId" = r."partnerId" and q.quarter <= $5)
         group by 1
       )
       select p.id, ia.*, inc.*, val.eq, val.eq_prev, risk.risk, comp.compliance, sv.* from "Partner" p
       left join ia on ia.pid = p.id left join inc on inc.pid = p.id left join val on val.pid = p.id
       left join risk on risk.pid = p.id left join comp on comp.pid = p.id left join sv on sv.pid = p.id
       where p."tenantId" = $1`,
      [TENANT, month, next, prev, quarter],
    );
    const ms = performance.now() - t0;
    await client.query("commit");
    return { ms, rows: result.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function medianOf(n: number, task: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await task();
    xs.push(performance.now() - t);
  }
  return percentile(xs, 50);
}

export const scorecardsScenario: BenchScenario = {
  name: "scorecards",
  description: "monthly scorecards of 1,000 partners (2,000,000 interactions, 50,000 incidents), dashboard and exports, on PostgreSQL",
  async run({ databaseUrl, log }) {
    const month = monthStart(new Date(), 1);
    await buildTenant(databaseUrl, month, log);
    // The value recompute materializes each month's equity rollups with its snapshots (lib/value/recompute.ts);
    // the generated snapshots get theirs here, once, as the app would have written them.
    for (const asOf of [month, monthStart(month, 1)]) {
      await withTenant(
        { tenantId: TENANT },
        async (db) => {
          const [{ n }] = await db.$queryRaw<{ n: number }[]>`select count(*)::int as n from "EquityRollup" where "tenantId" = ${TENANT} and "asOf" = ${asOf}::date`;
          if (n === 0) {
            log(`materializing the equity rollups of ${asOf.toISOString().slice(0, 7)} (as the value recompute does)`);
            await materializeEquityRollups(db, TENANT, asOf);
          }
        },
        { timeoutMs: 600_000 },
      );
    }
    const results: BenchResult[] = [];
    const scenario = "scorecards";
    const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId: TENANT }, work, { timeoutMs: 300_000 });

    // last month published, so this month has a change and the dashboard has movers
    await inTenant(async (db) => {
      await db.scorecard.deleteMany({ where: { tenantId: TENANT } });
      await computeMonth(db, TENANT, monthStart(month, 1));
      await publishMonth(db, TENANT, monthStart(month, 1), "bench");
    });

    // warm both once, then take the best of 3 of each
    await handWrittenAggregate(databaseUrl, month);
    await inTenant((db) => scorecardAggregate(db, TENANT, month));
    const hand: number[] = [];
    const ours: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 3; i++) {
      hand.push((await handWrittenAggregate(databaseUrl, month)).ms);
      let t = performance.now();
      await inTenant((db) => scorecardAggregate(db, TENANT, month));
      ours.push(performance.now() - t);
      t = performance.now();
      const r = await inTenant((db) => computeMonth(db, TENANT, month));
      full.push(performance.now() - t);
      if (i === 0) log(`computed ${r.partners} partners, ${r.scored} scored, average ${r.averageScore}`);
    }
    const best = (xs: number[]) => Math.min(...xs);
    results.push({ scenario, figure: "hand-written SQL aggregate (yardstick)", value: seconds(best(hand)), unit: "s" });
    results.push({ scenario, figure: "scorecard aggregate query (inputs of all partners)", value: seconds(best(ours)), unit: "s", goal: "≤ 1.5× yardstick", pass: best(ours) <= 1.5 * best(hand) });
    results.push({ scenario, figure: "compute month end to end (+ compliance, equity at risk, scoring, 1,000 drafts written)", value: seconds(best(full)), unit: "s", goal: "≤ 1.5× yardstick", pass: best(full) <= 1.5 * best(hand) });
    const { exportJobId } = await inTenant((db) => publishMonth(db, TENANT, month, "bench"));

    // dashboard. (1) The query alone, uncached: one tenant transaction running dashboardOverview, which reads
    // every section in one statement; each of the 100 loads runs it. (2) What the page calls
    // (app/t/[tenant]/page.tsx → cachedDashboard, lib/dashboard/cache.ts): a per-tenant in-process cache, single
    // flight, 15 s lifetime, dropped by scorecard compute/publish, value recomputes and every incident event;
    // here it is dropped after every 10th load, as if a write happened every 10 renders (10 % misses, each
    // shared by the renders in flight).
    const loadDashboard = () => withTenant({ tenantId: TENANT }, (db) => dashboardOverview(db, TENANT));
    await loadDashboard();
    const durations = await measureConcurrent(100, 20, loadDashboard);
    const p95 = percentile(durations, 95);
    results.push({ scenario, figure: "dashboard query alone (dashboardOverview, uncached), p95 at 20 concurrent (100 loads)", value: Math.round(p95), unit: "ms" });
    results.push({ scenario, figure: "dashboard query alone, one load at a time (median of 10)", value: Math.round(await medianOf(10, loadDashboard)), unit: "ms" });
    invalidateDashboard(TENANT);
    const pagePath = await measureConcurrent(100, 20, async (i) => {
      if (i % 10 === 0) invalidateDashboard(TENANT);
      return cachedDashboard(TENANT);
    });
    const pageP95 = percentile(pagePath, 95);
    results.push({ scenario, figure: "dashboard server render data as the page reads it (cache, dropped every 10th load), p95 at 20 concurrent", value: Math.round(pageP95), unit: "ms", goal: "< 300 ms", pass: pageP95 < 300 });

    let t = performance.now();
    const csv = await inTenant(async (db) => scorecardCsv(await scorecardExport(db, TENANT, month)));
    const csvMs = performance.now() - t;
    log(`CSV: ${csv.length.toLocaleString()} characters`);
    results.push({ scenario, figure: "CSV export of the month (1,000 partners)", value: seconds(csvMs), unit: "s", goal: "< 1 s", pass: csvMs < 1_000 });
    t = performance.now();
    const data = await inTenant((db) => scorecardExport(db, TENANT, month));
    const pdf = await renderScorecardPdf(data, "Bench");
    const pdfMs = performance.now() - t;
    log(`PDF: ${(pdf.length / 1e6).toFixed(1)} MB`);
    results.push({ scenario, figure: "PDF export of the month (summary + 1,000 partner pages)", value: seconds(pdfMs), unit: "s", goal: "< 10 s", pass: pdfMs < 10_000 });

    // the scheduled export that publishing queued: CSV + PDF of the published month, stored in ScorecardExport
    t = performance.now();
    const job = await runExportJob(TENANT, exportJobId, { waitForCommit: false });
    const jobMs = performance.now() - t;
    if (job?.status !== "SUCCEEDED") throw new Error(`export job ended ${JSON.stringify(job)}`);
    results.push({ scenario, figure: "scheduled export job of the published month (CSV + PDF rendered and stored)", value: seconds(jobMs), unit: "s" });
    return results;
  },
};
