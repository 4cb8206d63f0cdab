import { Prisma } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/scope";
import { analysisSettings, defectionPeriod, defectionRowsSql, measureDefection } from "@/lib/defection/queries";
import { DEFAULT_SETTINGS } from "@/lib/tenants/settings";
import type { BenchScenario } from "./types";
import { LARGE_TENANT_ID } from "./large-tenant";

// Defection measured (issue 19, part 4) on the shared large tenant: the whole analysis as the defection job
// (lib/defection/job.ts) runs it on the worker — one set-based query that builds the observations, reads their
// transactions once and groups them into matched strata, then a 1,000-resample bootstrap per segment and
// comparison in TypeScript (buyers drawn as one binomial per arm) — against one hand-written SQL aggregate over
// the same rows: the same observations, their transactions and the incidents and positive interactions near
// the comparison dates (counted, so the database reads them as the analysis does), with the analysis's session
// settings (no JIT), giving counts, repurchase shares and spend changes per kind and segment, no resampling.
// The page and GET /api/v1/defection only read the stored result.

/** Medians of 7 alternating runs: the machine is shared, and a few slow runs must not decide either figure. */
const RUNS = 7;
const GOAL_MS = 2000;
const GOAL_RATIO = 1.5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export const defectionScenario: BenchScenario = {
  name: "defection",
  description: "the defection job's measurement (one query + bootstrap) vs one SQL aggregate",
  usesLargeTenant: true,
  async run({ log }) {
    const tenantId = LARGE_TENANT_ID;
    const now = new Date();
    const windowDays = DEFAULT_SETTINGS.value.defectionWindowDays;
    const sql = defectionRowsSql(tenantId, defectionPeriod(now, windowDays), windowDays);
    const aggregate = () =>
      withTenant({ tenantId }, async (db) => {
        await analysisSettings(db);
        return db.$queryRaw<{ kind: string; segment: string; n: number }[]>(Prisma.sql`
          select r.kind, r.segment, count(*)::int as n, avg(r."boughtAgain"::int)::float8 as repurchase,
                 avg(r."spendAfter" - r."spendBefore")::float8 as change,
                 count(*) filter (where r."hadIncident")::int as "nearIncident",
                 count(*) filter (where r."hadGood")::int as "nearGood"
          from (${sql}) r group by 1, 2`);
      });
    const analysis = () =>
      withTenant({ tenantId }, (db) => measureDefection(db, tenantId, now), { timeoutMs: 120_000 });

    const result = await analysis(); // warm-up, and the figures to report
    const groups = await aggregate();
    log(
      `rows: ${groups.map((g) => `${g.kind} ${g.segment} ${g.n.toLocaleString("en-US")}`).join(", ")}; ` +
        `measured defection B2B ${result.bad.B2B.attributableDefection?.estimate.toFixed(3) ?? "too little data"}, ` +
        `B2C ${result.bad.B2C.attributableDefection?.estimate.toFixed(3) ?? "too little data"}`,
    );
    const analysisMs: number[] = [];
    const aggregateMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      aggregateMs.push(await timed(aggregate));
      analysisMs.push(await timed(analysis));
    }
    const full = median(analysisMs);
    const sqlOnly = median(aggregateMs);
    const ratio = full / sqlOnly;
    log(
      `analysis ${analysisMs.map((v) => v.toFixed(0)).join(" / ")} ms; SQL aggregate ${aggregateMs.map((v) => v.toFixed(0)).join(" / ")} ms`,
    );
    return [
      {
        scenario: "defection",
        figure: `defection analysis (median of ${RUNS})`,
        value: Math.round(full),
        unit: "ms",
        goal: `< ${GOAL_MS} ms`,
        pass: full < GOAL_MS,
      },
      {
        scenario: "defection",
        figure: `hand-written SQL aggregate (median of ${RUNS})`,
        value: Math.round(sqlOnly),
        unit: "ms",
      },
      {
        scenario: "defection",
        figure: "analysis ÷ SQL aggregate",
        value: Math.round(ratio * 100) / 100,
        unit: "×",
        goal: `≤ ${GOAL_RATIO}×`,
        pass: ratio <= GOAL_RATIO,
      },
    ];
  },
};
