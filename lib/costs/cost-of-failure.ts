import type { Db } from "@/lib/db/scope";
import { equityAtRiskByCause } from "@/lib/value/equity-at-risk";
import { CATEGORY_LABELS, type CauseCategory } from "./causes";
import { pareto } from "./pareto";

// The cost of failure (issue 19, item 5): refunds, reshipment, credits and handling of the incidents opened in a
// window, per partner, touchpoint and month in one aggregate, and the Pareto of root causes by equity at risk.

export type CostRow = {
  month: string;
  partnerId: string;
  partner: string;
  touchpointId: string;
  touchpoint: string;
  incidents: number;
  refunds: number;
  reshipment: number;
  credits: number;
  handling: number;
  total: number;
};

/** One row per month, partner and touchpoint with incidents opened in [from, to), newest month first. */
function costTotals(db: Db, tenantId: string, from: Date, to: Date): Promise<CostRow[]> {
  return db.$queryRaw<CostRow[]>`
    select to_char(date_trunc('month', i."openedAt"), 'YYYY-MM') as month,
           i."partnerId", p.name as partner, i."touchpointId", t.name as touchpoint,
           count(*)::int as incidents,
           sum(i."costRefunds")::float8 as refunds, sum(i."costReshipment")::float8 as reshipment,
           sum(i."costCredits")::float8 as credits, sum(i."costHandling")::float8 as handling,
           sum(i."costRefunds" + i."costReshipment" + i."costCredits" + i."costHandling")::float8 as total
    from "Incident" i
    join "Partner" p on p."tenantId" = i."tenantId" and p.id = i."partnerId"
    join "Touchpoint" t on t."tenantId" = i."tenantId" and t.id = i."touchpointId"
    where i."tenantId" = ${tenantId} and i."openedAt" >= ${from} and i."openedAt" < ${to}
    group by 1, 2, 3, 4, 5
    order by 1 desc, total desc, partner, touchpoint`;
}

const COST_WINDOW_MONTHS = 12;

export async function costOfFailure(db: Db, tenantId: string, now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (COST_WINDOW_MONTHS - 1), 1));
  const [rows, byCause, causes] = await Promise.all([
    costTotals(db, tenantId, from, to),
    equityAtRiskByCause(db, tenantId, { from, to }),
    db.rootCause.findMany({ where: { tenantId }, select: { id: true, label: true, category: true } }),
  ]);
  const causeOf = new Map(causes.map((c) => [c.id, c]));
  const incidentsOf = new Map(byCause.map((c) => [c.causeId, c.incidents]));
  const paretoRows = pareto(
    byCause.map((c) => ({
      key: c.causeId,
      label: causeOf.get(c.causeId)?.label ?? "No cause chosen",
      value: c.equityAtRisk,
    })),
  ).map((r) => ({
    ...r,
    incidents: incidentsOf.get(r.key) ?? 0,
    category: causeOf.has(r.key) ? (CATEGORY_LABELS[causeOf.get(r.key)!.category as CauseCategory] ?? "—") : "—",
  }));
  const sum = (k: "refunds" | "reshipment" | "credits" | "handling" | "total") => rows.reduce((s, r) => s + r[k], 0);
  return {
    from,
    to,
    rows,
    totals: {
      refunds: sum("refunds"),
      reshipment: sum("reshipment"),
      credits: sum("credits"),
      handling: sum("handling"),
      total: sum("total"),
      incidents: rows.reduce((s, r) => s + r.incidents, 0),
    },
    pareto: paretoRows,
    hasCauses: causes.length > 0,
  };
}
