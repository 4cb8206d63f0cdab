import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/incidents/events";
import { formatMonth } from "@/lib/months";
import { RECOMMENDATION_LABELS } from "@/lib/scorecards/combine";
import { recordPlanEvent } from "./events";

// Opening a plan: from a published scorecard whose band calls for one, or from a pattern of incidents (same
// partner, touchpoint and root cause). Both start as a DRAFT the steward fills with actions and then proposes.

/** The scorecard bands that call for a corrective-action plan. */
const PLAN_BANDS = ["DEVELOP", "PROBATION", "EXIT"] as const;
export const isPlanBand = (band: string | null | undefined) =>
  !!band && (PLAN_BANDS as readonly string[]).includes(band);

/** An incident pattern: at least this many incidents with the same root cause in the window. */
export const PATTERN_MIN_INCIDENTS = 3;
export const PATTERN_WINDOW_DAYS = 90;

const OPEN_STATUSES = ["DRAFT", "PROPOSED", "ACCEPTED", "DISPUTED", "IN_PROGRESS"] as const;

const monthName = (month: Date) => month.toLocaleDateString("en", { month: "long", year: "numeric", timeZone: "UTC" });

export async function openPlanFromScorecard(
  db: Db,
  tenantId: string,
  scorecardId: string,
  actor: Actor,
  now = new Date(),
) {
  const card = await db.scorecard.findFirst({
    where: { tenantId, id: scorecardId, status: "PUBLISHED" },
    select: {
      id: true,
      partnerId: true,
      month: true,
      score: true,
      recommendation: true,
      partner: { select: { name: true } },
    },
  });
  if (!card) throw new DomainError("That published scorecard was not found.", "not-found");
  if (!isPlanBand(card.recommendation))
    throw new DomainError("Only a scorecard in the Develop, Probation or Exit band opens a corrective-action plan.");
  const open = await db.correctivePlan.findFirst({
    where: { tenantId, scorecardId: card.id, status: { in: [...OPEN_STATUSES] } },
    select: { id: true },
  });
  if (open) throw new DomainError("This scorecard already has an open plan.", "conflict");
  const band = RECOMMENDATION_LABELS[card.recommendation!];
  const score = card.score === null ? "" : ` (score ${Math.round(card.score)})`;
  return createPlan(
    db,
    tenantId,
    {
      partnerId: card.partnerId,
      title: `${card.partner.name}: back on track after ${monthName(card.month)}`,
      source: "SCORECARD",
      reason: `Scorecard of ${monthName(card.month)}: ${band}${score}`,
      scorecardId: card.id,
    },
    actor,
    now,
  );
}

export async function openPlanFromPattern(
  db: Db,
  tenantId: string,
  input: { partnerId: string; touchpointId: string; rootCause: string },
  actor: Actor,
  now = new Date(),
  minIncidents = PATTERN_MIN_INCIDENTS,
) {
  const pattern = (await incidentPatterns(db, tenantId, now, input.partnerId, minIncidents)).find(
    (p) => p.touchpointId === input.touchpointId && p.rootCause.toLowerCase() === input.rootCause.trim().toLowerCase(),
  );
  if (!pattern)
    throw new DomainError(
      `No pattern of ${minIncidents} or more incidents with that root cause in the last ${PATTERN_WINDOW_DAYS} days.`,
      "not-found",
    );
  if (pattern.openPlanId) throw new DomainError("This pattern already has an open plan.", "conflict");
  return createPlan(
    db,
    tenantId,
    {
      partnerId: pattern.partnerId,
      title: `${pattern.partnerName}: ${pattern.rootCause} at ${pattern.touchpointName}`,
      source: "INCIDENT_PATTERN",
      reason: `${pattern.count} incident${pattern.count === 1 ? "" : "s"} at ${pattern.touchpointName} in the last ${PATTERN_WINDOW_DAYS} days with the root cause “${pattern.rootCause}”`,
      touchpointId: pattern.touchpointId,
      rootCause: pattern.rootCause,
    },
    actor,
    now,
  );
}

type NewPlan = {
  partnerId: string;
  title: string;
  source: "SCORECARD" | "INCIDENT_PATTERN";
  reason: string;
  scorecardId?: string;
  touchpointId?: string;
  rootCause?: string;
};

async function createPlan(db: Db, tenantId: string, plan: NewPlan, actor: Actor, now: Date) {
  const created = await db.correctivePlan.create({
    data: {
      tenantId,
      ...plan,
      createdById: actor.userId,
      ownerMembershipId: actor.membershipId ?? null,
      createdAt: now,
    },
    select: { id: true, partnerId: true, title: true, status: true },
  });
  await recordPlanEvent(db, tenantId, created, actor, { type: "OPENED", body: plan.reason }, now);
  return created;
}

export type IncidentPattern = {
  partnerId: string;
  partnerName: string;
  touchpointId: string;
  touchpointName: string;
  rootCause: string;
  count: number;
  lastOpenedAt: Date;
  openPlanId: string | null;
};

/**
 * Incidents of the last 90 days grouped by partner, touchpoint and root cause (compared without case or surrounding
 * spaces), where a group has at least three (the demo seed asks for fewer): one aggregate query. Each names its open
 * plan, if it has one.
 */
export async function incidentPatterns(
  db: Db,
  tenantId: string,
  now = new Date(),
  partnerId?: string,
  minIncidents = PATTERN_MIN_INCIDENTS,
): Promise<IncidentPattern[]> {
  const since = new Date(now.getTime() - PATTERN_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db.$queryRaw<
    {
      partnerId: string;
      partnerName: string;
      touchpointId: string;
      touchpointName: string;
      rootCause: string;
      count: bigint;
      lastOpenedAt: Date;
      openPlanId: string | null;
    }[]
  >`
    with groups as (
      select i."partnerId", i."touchpointId", lower(btrim(i."rootCause")) as cause_key,
             min(btrim(i."rootCause")) as "rootCause", count(*) as count, max(i."openedAt") as "lastOpenedAt"
      from "Incident" i
      where i."tenantId" = ${tenantId} and i."rootCause" is not null and btrim(i."rootCause") <> ''
        and i."openedAt" >= ${since} and (${partnerId ?? null}::text is null or i."partnerId" = ${partnerId ?? null}::text)
      group by 1, 2, 3
      having count(*) >= ${minIncidents}
    )
    select g."partnerId", p.name as "partnerName", g."touchpointId", t.name as "touchpointName", g."rootCause",
           g.count, g."lastOpenedAt",
           (select cp.id from "CorrectivePlan" cp
             where cp."tenantId" = ${tenantId} and cp."partnerId" = g."partnerId" and cp."touchpointId" = g."touchpointId"
               and lower(btrim(cp."rootCause")) = g.cause_key
               and cp.status in ('DRAFT', 'PROPOSED', 'ACCEPTED', 'DISPUTED', 'IN_PROGRESS')
             limit 1) as "openPlanId"
    from groups g
    join "Partner" p on p."tenantId" = ${tenantId} and p.id = g."partnerId"
    join "Touchpoint" t on t."tenantId" = ${tenantId} and t.id = g."touchpointId"
    order by g.count desc, g."lastOpenedAt" desc
    limit 50`;
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export type ScorecardSuggestion = {
  scorecardId: string;
  partnerId: string;
  partnerName: string;
  month: string;
  score: number | null;
  recommendation: string;
};

/** The latest published month's cards in a plan band (of partners not offboarded) without an open plan from that card. */
export async function scorecardSuggestions(db: Db, tenantId: string): Promise<ScorecardSuggestion[]> {
  const latest = await db.scorecard.findFirst({
    where: { tenantId, status: "PUBLISHED" },
    orderBy: { month: "desc" },
    select: { month: true },
  });
  if (!latest) return [];
  const cards = await db.scorecard.findMany({
    where: {
      tenantId,
      status: "PUBLISHED",
      month: latest.month,
      recommendation: { in: [...PLAN_BANDS] },
      partner: { status: { not: "OFFBOARDED" } },
    },
    select: {
      id: true,
      partnerId: true,
      month: true,
      score: true,
      recommendation: true,
      partner: { select: { name: true } },
    },
    orderBy: { score: "asc" },
  });
  const open = await db.correctivePlan.findMany({
    where: { tenantId, scorecardId: { in: cards.map((c) => c.id) }, status: { in: [...OPEN_STATUSES] } },
    select: { scorecardId: true },
  });
  const taken = new Set(open.map((p) => p.scorecardId));
  return cards
    .filter((c) => !taken.has(c.id))
    .map((c) => ({
      scorecardId: c.id,
      partnerId: c.partnerId,
      partnerName: c.partner.name,
      month: formatMonth(c.month),
      score: c.score,
      recommendation: c.recommendation!,
    }));
}
