/**
 * Scorecards scenario, on the shared large tenant (bench/large-tenant.ts: 1,000 partners, 2,000,000 interactions,
 * 1,800,000 of them over the 12 months before the scored month, 50,000 incidents, 200,000 customers with 2,000,000
 * transactions, survey answers, assessments, and CLV snapshots of the scored month and the one before computed by
 * the value recompute, which materializes their equity rollups). Measures: computing a month of scorecards (end to end: one aggregate query, compliance, equity at risk,
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
import { runExportJob } from "@/lib/scorecards/export-job";
import { renderScorecardPdf } from "@/lib/scorecards/pdf/report";
import { measureConcurrent, percentile, type BenchResult, type BenchScenario } from "./types";
import { INCIDENTS, INTERACTIONS, LARGE_TENANT_ID, PARTNERS, monthStart } from "./large-tenant";

const TENANT = LARGE_TENANT_ID;

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
  description: `monthly scorecards of ${PARTNERS.toLocaleString("en-US")} partners (${INTERACTIONS.toLocaleString("en-US")} interactions, ${INCIDENTS.toLocaleString("en-US")} incidents), dashboard and exports, on PostgreSQL`,
  usesLargeTenant: true,
  async run({ databaseUrl, log }) {
    const month = monthStart(new Date(), 1);
    // the month's assessments, survey answers and both months' CLV snapshots (with their equity rollups)
    // are ensured by ensureLargeTenant, which scripts/bench.ts runs first
    const results: BenchResult[] = [];
    const scenario = "scorecards";
    const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) =>
      withTenant({ tenantId: TENANT }, work, { timeoutMs: 300_000 });

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
    results.push({
      scenario,
      figure: "scorecard aggregate query (inputs of all partners)",
      value: seconds(best(ours)),
      unit: "s",
      goal: "≤ 1.5× yardstick",
      pass: best(ours) <= 1.5 * best(hand),
    });
    results.push({
      scenario,
      figure: "compute month end to end (+ compliance, equity at risk, scoring, 1,000 drafts written)",
      value: seconds(best(full)),
      unit: "s",
      goal: "≤ 1.5× yardstick",
      pass: best(full) <= 1.5 * best(hand),
    });
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
    results.push({
      scenario,
      figure: "dashboard query alone (dashboardOverview, uncached), p95 at 20 concurrent (100 loads)",
      value: Math.round(p95),
      unit: "ms",
    });
    results.push({
      scenario,
      figure: "dashboard query alone, one load at a time (median of 10)",
      value: Math.round(await medianOf(10, loadDashboard)),
      unit: "ms",
    });
    invalidateDashboard(TENANT);
    const pagePath = await measureConcurrent(100, 20, async (i) => {
      if (i % 10 === 0) invalidateDashboard(TENANT);
      return cachedDashboard(TENANT);
    });
    const pageP95 = percentile(pagePath, 95);
    results.push({
      scenario,
      figure:
        "dashboard server render data as the page reads it (cache, dropped every 10th load), p95 at 20 concurrent",
      value: Math.round(pageP95),
      unit: "ms",
      goal: "< 300 ms",
      pass: pageP95 < 300,
    });

    let t = performance.now();
    const csv = await inTenant(async (db) => scorecardCsv(await scorecardExport(db, TENANT, month)));
    const csvMs = performance.now() - t;
    log(`CSV: ${csv.length.toLocaleString()} characters`);
    results.push({
      scenario,
      figure: "CSV export of the month (1,000 partners)",
      value: seconds(csvMs),
      unit: "s",
      goal: "< 1 s",
      pass: csvMs < 1_000,
    });
    t = performance.now();
    const data = await inTenant((db) => scorecardExport(db, TENANT, month));
    const pdf = await renderScorecardPdf(data, "Bench");
    const pdfMs = performance.now() - t;
    log(`PDF: ${(pdf.length / 1e6).toFixed(1)} MB`);
    results.push({
      scenario,
      figure: "PDF export of the month (summary + 1,000 partner pages)",
      value: seconds(pdfMs),
      unit: "s",
      goal: "< 10 s",
      pass: pdfMs < 10_000,
    });

    // the scheduled export that publishing queued: CSV + PDF of the published month, stored in ScorecardExport
    t = performance.now();
    const job = await runExportJob(TENANT, exportJobId, { waitForCommit: false });
    const jobMs = performance.now() - t;
    if (job?.status !== "SUCCEEDED") throw new Error(`export job ended ${JSON.stringify(job)}`);
    results.push({
      scenario,
      figure: "scheduled export job of the published month (CSV + PDF rendered and stored)",
      value: seconds(jobMs),
      unit: "s",
    });
    return results;
  },
};
