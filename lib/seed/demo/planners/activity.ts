/** Interactions at the touchpoints, month by month, and the partners' quarterly survey answers. */
import type { Prisma } from "@/generated/prisma/client";
import type { Rng } from "../../random";
import type { PlannedPartner } from "../base";
import { CURRENT, DAY, addDays, addMinutes, addMonths, clamp } from "../options";
import type { PartnerUser, PlanContext, PlannedTouchpoint } from "./context";

/** Relative interaction volume by calendar month (Jan…Dec): spring renovations, Black Friday, Christmas. */
const SEASON = [0.85, 0.8, 0.95, 1.0, 1.05, 1.1, 1.05, 1.0, 0.95, 1.0, 1.35, 1.3];

type Cell = {
  month: Date;
  from: Date;
  to: Date;
  touchpoint: PlannedTouchpoint;
  partner: PlannedPartner;
  weight: number;
};

/** One cell per month, touchpoint and partner operating in it, weighted by season, volume, size and ramp-up. */
function interactionCells(ctx: PlanContext, touchpoints: PlannedTouchpoint[]): Cell[] {
  const { now } = ctx;
  const months: Date[] = [];
  for (let m = ctx.windowStart; m.getTime() < now.getTime(); m = addMonths(m, 1)) months.push(m);
  const cells: Cell[] = [];
  for (const month of months) {
    const end = new Date(Math.min(addMonths(month, 1).getTime(), now.getTime()));
    for (const t of touchpoints) {
      for (const p of t.partners) {
        const from = Math.max(month.getTime(), p.operatingFrom!.getTime());
        const to = Math.min(end.getTime(), p.operatingTo!.getTime());
        if (to <= from) continue;
        const share = (to - from) / (addMonths(month, 1).getTime() - month.getTime());
        // a partner that joined recently ramps up over its first six months
        const tenureMonths = (from - p.operatingFrom!.getTime()) / (30.44 * DAY);
        const ramp = clamp(0.3 + tenureMonths / 6, 0.3, 1);
        const weight =
          (SEASON[month.getUTCMonth()] * t.volume * p.size * share * ramp) / Math.max(1, t.partners.length / 4);
        cells.push({ month, from: new Date(from), to: new Date(to), touchpoint: t, partner: p, weight });
      }
    }
  }
  return cells;
}

/** Outcome from the partner's quality that month; CSAT and NPS answered by some customers. */
function drawOutcome(ir: Rng, q: number) {
  const u = ir.next();
  const outcome = u < q ? "SUCCESS" : u < q + (1 - q) * 0.6 ? "PARTIAL" : "FAILURE";
  let csat: number | null = null;
  let nps: number | null = null;
  if (ir.chance(outcome === "SUCCESS" ? 0.4 : 0.6)) {
    const mean = outcome === "SUCCESS" ? 2.6 + 2.0 * q : outcome === "PARTIAL" ? 3.0 : 1.7;
    csat = Math.round(clamp(ir.normal(mean, 0.65), 1, 5));
  }
  if (ir.chance(0.2)) {
    const mean = outcome === "SUCCESS" ? 2.5 + 7 * q : outcome === "PARTIAL" ? 5.5 : 2.5;
    nps = Math.round(clamp(ir.normal(mean, 1.6), 0, 10));
  }
  return { outcome, csat, nps } as const;
}

export function planInteractions(
  ctx: PlanContext,
  touchpoints: PlannedTouchpoint[],
  customerBefore: (r: Rng, t: number) => { id: string } | null,
) {
  const { now } = ctx;
  const ir = ctx.root.fork("interactions");
  const interactionId = ctx.idStream("interactions");
  const cells = interactionCells(ctx, touchpoints);
  const totalWeight = cells.reduce((s, c) => s + c.weight, 0);
  const interactions: Prisma.InteractionCreateManyInput[] = [];
  for (const cell of cells) {
    const count = ir.poisson((ctx.size.interactions * cell.weight) / totalWeight);
    const monthsFromNow = (cell.month.getTime() - now.getTime()) / (30.44 * DAY);
    const q = clamp(cell.partner.quality + (cell.partner.trend * monthsFromNow) / 12 + ir.normal(0, 0.01), 0.4, 0.995);
    for (let i = 0; i < count; i++) {
      let at = ir.date(cell.from, cell.to);
      at = new Date(
        Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), ir.int(8, 20), ir.int(0, 59), ir.int(0, 59)),
      );
      if (at.getTime() < cell.from.getTime() || at.getTime() >= cell.to.getTime()) at = ir.date(cell.from, cell.to);
      const { outcome, csat, nps } = drawOutcome(ir, q);
      const customer = ir.chance(0.55) ? customerBefore(ir, at.getTime()) : null;
      const createdAt = addMinutes(at, ir.int(1, 90));
      interactions.push({
        tenantId: ctx.tenantId,
        id: interactionId(at),
        partnerId: cell.partner.id,
        touchpointId: cell.touchpoint.id,
        customerId: customer?.id ?? null,
        occurredAt: at,
        outcome,
        csat,
        nps,
        createdAt: createdAt.getTime() < now.getTime() ? createdAt : at,
      });
    }
  }
  return interactions;
}

const SURVEY_COMMENTS = [
  "Clearer forecasts of peak weeks would help us staff up.",
  "The new portal makes incidents much easier to follow.",
  "Payment terms are fair; communication about changes could be earlier.",
  "We would like more joint training on new models.",
  "Escalations sometimes reach us after the customer has already complained twice.",
  "Great collaboration with the channel team this quarter.",
];

/** The partner survey of the last two complete quarters, from each current partner's users. */
export function planSurvey(ctx: PlanContext, adminOf: Map<string, PartnerUser>, agentOf: Map<string, PartnerUser>) {
  const { now } = ctx;
  const vr = ctx.root.fork("survey");
  const surveyId = ctx.idStream("survey");
  const surveyResponses: Prisma.PartnerSurveyResponseCreateManyInput[] = [];
  const quarterStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
  const quarters = [addMonths(quarterStart(now), -6), addMonths(quarterStart(now), -3)];
  for (const p of ctx.base.partners.filter((x) => CURRENT.includes(x.status))) {
    const mood = p.quality - 0.85 + vr.normal(0, 0.05);
    for (const q of quarters) {
      if (!p.operatingFrom || p.operatingFrom.getTime() > q.getTime()) continue;
      for (const user of [adminOf.get(p.id), agentOf.get(p.id)]) {
        if (!user || !vr.chance(0.85)) continue;
        const score = () => Math.round(clamp(vr.normal(3.7 + mood * 8, 0.7), 1, 5));
        const at = vr.date(addDays(addMonths(q, 3), -21), addDays(addMonths(q, 3), -1));
        surveyResponses.push({
          tenantId: ctx.tenantId,
          id: surveyId(at),
          partnerId: p.id,
          userId: user.id,
          quarter: `${q.getUTCFullYear()}-Q${Math.floor(q.getUTCMonth() / 3) + 1}`,
          communication: score(),
          fairness: score(),
          tools: score(),
          support: score(),
          comment: vr.chance(0.4) ? vr.pick(SURVEY_COMMENTS) : null,
          createdAt: at,
        });
      }
    }
  }
  return surveyResponses;
}
