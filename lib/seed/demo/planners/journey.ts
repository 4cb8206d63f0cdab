/** Touchpoints and who handles them; standards with their acknowledgements and monthly assessments. */
import type { Prisma } from "@/generated/prisma/client";
import { isMet } from "@/lib/standards/evaluate";
import type { Rng } from "../../random";
import type { PlannedPartner } from "../base";
import { SMALL_STANDARDS, SMALL_TOUCHPOINTS, STANDARDS, TOUCHPOINTS, type StandardSpec } from "../catalogue/journey";
import { monthStart } from "@/lib/months";
import { CURRENT, DAY, OPERATING, addDays, addMinutes, addMonths, clamp, round } from "../options";
import type { PartnerUser, PlanContext, PlannedTouchpoint } from "./context";

/** Up to eight partners of the touchpoint's main type per touchpoint, topped up with other fitting types. */
function assignPartners(touchpoints: PlannedTouchpoint[], operating: PlannedPartner[], tr: Rng) {
  for (const t of touchpoints) {
    const main = operating.filter((p) => p.type === t.types[0]);
    const others = tr.shuffle(operating.filter((p) => t.types.slice(1).includes(p.type)));
    const wanted = Math.min(8, Math.max(main.length > 8 ? 8 : tr.int(3, 8), main.length));
    const chosen = main.length > 8 ? tr.sample(main, 8) : main.slice();
    for (const o of others) if (chosen.length < wanted) chosen.push(o);
    t.partners = chosen;
  }
  // Every operating partner handles at least one touchpoint.
  for (const p of operating) {
    if (touchpoints.some((t) => t.partners.includes(p))) continue;
    const fitting = touchpoints.filter((t) => t.types.includes(p.type));
    const target = fitting.sort((a, b) => a.partners.length - b.partners.length)[0] ?? touchpoints[0];
    target.partners.push(p);
  }
}

export function planTouchpoints(ctx: PlanContext) {
  const { tenantId, opts, tenantCreatedAt } = ctx;
  const touchpointId = ctx.idStream("touchpoints");
  const tpSpecs = opts.scale === "full" ? TOUCHPOINTS : TOUCHPOINTS.filter((t) => SMALL_TOUCHPOINTS.includes(t.key));
  const operating = ctx.base.partners.filter((p) => OPERATING.includes(p.status));
  const touchpoints: PlannedTouchpoint[] = tpSpecs.map((t) => ({
    ...t,
    id: touchpointId(addDays(tenantCreatedAt, 3)),
    partners: [],
  }));
  assignPartners(touchpoints, operating, ctx.root.fork("touchpoints"));
  const touchpointRows: Prisma.TouchpointCreateManyInput[] = touchpoints.map((t, i) => ({
    tenantId,
    id: t.id,
    name: t.name,
    description: t.description,
    stage: t.stage,
    channel: t.channel,
    isMomentOfTruth: t.isMomentOfTruth ?? false,
    weight: t.weight ?? 1,
    position: i,
    createdAt: addDays(tenantCreatedAt, 3),
  }));
  const touchpointPartners: Prisma.TouchpointPartnerCreateManyInput[] = touchpoints.flatMap((t) =>
    t.partners.map((p) => ({
      tenantId,
      touchpointId: t.id,
      partnerId: p.id,
      assignedAt: p.contractStart ?? p.createdAt,
    })),
  );
  return { touchpoints, touchpointRows, touchpointPartners, operating };
}

/** A monthly measurement of a standard for a partner of quality q (≈0.85 typical). */
function measure(r: Rng, spec: StandardSpec, q: number): number {
  const z = (q - 0.86) / 0.05 + r.normal(0, 1); // > 0: better than typical
  switch (spec.metricKind) {
    case "PERCENTAGE": {
      const spread = (100 - spec.target) * 0.6 + 0.4;
      return round(clamp(spec.target + spread * (0.3 + 0.8 * z), 0, 100), 1);
    }
    case "RATING":
      return round(clamp(spec.target + 0.22 * (0.2 + 0.8 * z), 1, 5), 2);
    case "DURATION":
      return round(Math.max(0, spec.target * Math.exp(-0.18 * (0.3 + 0.8 * z))), 1);
    case "PASS_FAIL":
      return r.chance(1 / (1 + Math.exp(-(1.8 + z)))) ? 1 : 0;
  }
}

/** Version 1 of each catalogue standard whose touchpoint the demo has. */
function standardRows(ctx: PlanContext, touchpoints: PlannedTouchpoint[], createdAt: Date) {
  const standardId = ctx.idStream("standards");
  const standardSpecs = (
    ctx.opts.scale === "full" ? STANDARDS : STANDARDS.filter((s) => SMALL_STANDARDS.includes(s.name))
  ).filter((s) => touchpoints.some((t) => t.key === s.touchpoint));
  return standardSpecs.map((s) => {
    const id = standardId(createdAt);
    const touchpoint = touchpoints.find((t) => t.key === s.touchpoint)!;
    return {
      spec: s,
      touchpoint,
      row: {
        tenantId: ctx.tenantId,
        id,
        lineageId: id,
        version: 1,
        isCurrent: true,
        touchpointId: touchpoint.id,
        name: s.name,
        description: s.description,
        metricKind: s.metricKind,
        comparator: s.comparator,
        target: s.target,
        unit: s.unit ?? null,
        weight: s.weight,
        severity: s.severity,
        createdAt,
      } satisfies Prisma.ExperienceStandardCreateManyInput,
    };
  });
}

type AssessmentArgs = {
  ctx: PlanContext;
  sr: Rng;
  newId: (time: Date) => string;
  spec: StandardSpec;
  standardId: string;
  partner: PlannedPartner;
  admin: PartnerUser | undefined;
  period: Date;
  latest: boolean;
  stewardId: string;
};

/** One month's assessment of a standard for a partner: measured, or self-reported in the latest month. */
function assessmentRow(a: AssessmentArgs): Prisma.AssessmentCreateManyInput {
  const { ctx, sr, spec, partner: p, admin, period, stewardId } = a;
  const now = ctx.now;
  const months = (period.getTime() - now.getTime()) / (30.44 * DAY);
  const q = clamp(p.quality + (p.trend * months) / 12, 0.4, 0.99);
  const value = measure(sr, spec, q);
  const selfReport = a.latest && admin !== undefined && sr.chance(0.15);
  const source = selfReport
    ? "SELF_REPORT"
    : spec.metricKind === "PASS_FAIL"
      ? "AUDIT"
      : spec.metricKind === "RATING"
        ? "SURVEY"
        : "SYSTEM";
  const recordedAt = addDays(addMonths(period, 1), sr.int(1, 6));
  const createdAt = recordedAt.getTime() < now.getTime() ? recordedAt : addMinutes(now, -sr.int(60, 600));
  return {
    tenantId: ctx.tenantId,
    id: a.newId(createdAt),
    partnerId: p.id,
    standardId: a.standardId,
    period,
    value,
    met: isMet(spec, value),
    source,
    evidenceText:
      source === "AUDIT"
        ? "Field audit checklist"
        : source === "SELF_REPORT"
          ? "Monthly self-assessment with the partner's own report attached"
          : null,
    evidenceUrl:
      source === "SELF_REPORT" ? `https://docs.${p.key}.example/reports/${period.toISOString().slice(0, 7)}.pdf` : null,
    verification: selfReport ? "PENDING" : "VERIFIED",
    verifiedById: selfReport || source === "SYSTEM" ? null : stewardId,
    verifiedAt: selfReport || source === "SYSTEM" ? null : createdAt,
    recordedById: selfReport ? admin!.id : source === "SYSTEM" ? null : stewardId,
    createdAt,
  };
}

const operatesThroughMonth = (p: PlannedPartner, period: Date) =>
  p.operatingFrom !== null &&
  p.operatingFrom.getTime() <= period.getTime() &&
  p.operatingTo!.getTime() >= addMonths(period, 1).getTime();

export function planStandards(ctx: PlanContext, touchpoints: PlannedTouchpoint[], adminOf: Map<string, PartnerUser>) {
  const { tenantId, now } = ctx;
  const sr = ctx.root.fork("standards");
  const ackId = ctx.idStream("acknowledgements");
  const assessmentId = ctx.idStream("assessments");
  const stewardId = ctx.userId(ctx.base.logins.steward.email);
  const standardsCreatedAt = addDays(ctx.windowStart, -45);
  const standards = standardRows(ctx, touchpoints, standardsCreatedAt);
  const acknowledgements: Prisma.StandardAcknowledgementCreateManyInput[] = [];
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const periods = Array.from({ length: ctx.size.assessmentMonths }, (_, i) =>
    addMonths(monthStart(now), -(ctx.size.assessmentMonths - i)),
  );
  for (const { spec, touchpoint, row } of standards) {
    for (const p of touchpoint.partners) {
      const admin = adminOf.get(p.id);
      if (admin && CURRENT.includes(p.status) && sr.chance(0.85)) {
        const from = new Date(Math.max(standardsCreatedAt.getTime(), (p.contractStart ?? p.createdAt).getTime()));
        const at = sr.date(from, addDays(from, 60));
        acknowledgements.push({
          tenantId,
          id: ackId(at),
          standardId: row.id,
          partnerId: p.id,
          userId: admin.id,
          trainingCompleted: sr.chance(0.75),
          acknowledgedAt: at,
        });
      }
      for (const period of periods) {
        if (!operatesThroughMonth(p, period)) continue;
        const latest = period.getTime() === periods[periods.length - 1].getTime();
        const args = { ctx, sr, newId: assessmentId, spec, standardId: row.id, partner: p, admin, period, latest };
        assessments.push(assessmentRow({ ...args, stewardId }));
      }
    }
  }
  return { standards: standards.map((s) => s.row), acknowledgements, assessments };
}
