import type { Db } from "@/lib/db/scope";
import { monthStart } from "@/lib/months";
import type { Prisma } from "@/generated/prisma/client";
import {
  dueSoonInDays,
  isOverdue,
  isScoreMetric,
  metricMovement,
  planProgress,
  type MetricMovement,
  type PlanProgress,
} from "./progress";
import { metricLabel } from "./update-plan";
import type { ActionStatus, PlanStatus } from "./lifecycle";
import { isPlanBand } from "./open-plan";

// Reads of plans: lists with their progress, one plan with its actions, the metric each moves and its timeline.

const PLANS_PAGE_SIZE = 20;

const actionSelect = {
  id: true,
  position: true,
  description: true,
  ownerMembershipId: true,
  ownerContactId: true,
  dueOn: true,
  metric: true,
  standardId: true,
  baseline: true,
  target: true,
  status: true,
  doneAt: true,
  verifiedAt: true,
  escalationLevel: true,
} as const;

const planSelect = {
  id: true,
  partnerId: true,
  title: true,
  source: true,
  reason: true,
  scorecardId: true,
  touchpointId: true,
  rootCause: true,
  status: true,
  disputeReason: true,
  proposedAt: true,
  acceptedAt: true,
  closedAt: true,
  createdAt: true,
  partner: { select: { name: true } },
  actions: { select: actionSelect, orderBy: { position: "asc" as const } },
} as const;

type PlanRow = Prisma.CorrectivePlanGetPayload<{ select: typeof planSelect }>;
type ActionRow = PlanRow["actions"][number];

export type ActionView = Omit<ActionRow, "status"> & {
  status: ActionStatus;
  owner: string;
  metricLabel: string;
  movement: MetricMovement;
  overdue: boolean;
  /** Days left to the due day (0 on it) while within the reminder window and open; else null. */
  dueSoonInDays: number | null;
};

export type PlanSummary = Omit<PlanRow, "status" | "actions" | "partner"> & {
  status: PlanStatus;
  partnerName: string;
  progress: PlanProgress;
  actions: ActionView[];
};

/** Plans in the tenant (under a partner's row-level security, only theirs), newest first, with progress. */
export async function listPlans(
  db: Db,
  tenantId: string,
  filter: {
    partnerId?: string;
    status?: PlanStatus;
    open?: boolean;
    ids?: string[];
    page?: number;
    pageSize?: number;
  },
  now = new Date(),
) {
  const where: Prisma.CorrectivePlanWhereInput = {
    tenantId,
    ...(filter.partnerId ? { partnerId: filter.partnerId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.open ? { status: { notIn: ["VERIFIED", "CLOSED_UNMET"] } } : {}),
    ...(filter.ids ? { id: { in: filter.ids } } : {}),
  };
  const pageSize = filter.pageSize ?? PLANS_PAGE_SIZE;
  const page = Math.max(1, filter.page ?? 1);
  const [total, rows] = await Promise.all([
    db.correctivePlan.count({ where }),
    db.correctivePlan.findMany({
      where,
      select: planSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, page, pageSize, plans: await summarize(db, tenantId, rows, now) };
}

/** One plan with its actions (owners, metric movement) and its timeline; null when not found (or not the partner's). */
export async function planDetail(db: Db, tenantId: string, planId: string, now = new Date()) {
  const row = await db.correctivePlan.findFirst({ where: { tenantId, id: planId }, select: planSelect });
  if (!row) return null;
  const [plan] = await summarize(db, tenantId, [row], now);
  const events = await db.planEvent.findMany({
    where: { tenantId, planId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, body: true, link: true, actorLabel: true, actionId: true, createdAt: true },
  });
  const scorecard = row.scorecardId
    ? await db.scorecard.findFirst({
        where: { tenantId, id: row.scorecardId },
        select: { id: true, month: true, recommendation: true, score: true },
      })
    : null;
  const touchpoint = row.touchpointId
    ? await db.touchpoint.findFirst({ where: { tenantId, id: row.touchpointId }, select: { id: true, name: true } })
    : null;
  return { plan, events, scorecard, touchpoint };
}

async function summarize(db: Db, tenantId: string, rows: PlanRow[], now: Date): Promise<PlanSummary[]> {
  const actions = rows.flatMap((r) => r.actions);
  const memberIds = [...new Set(actions.flatMap((a) => (a.ownerMembershipId ? [a.ownerMembershipId] : [])))];
  const contactIds = [...new Set(actions.flatMap((a) => (a.ownerContactId ? [a.ownerContactId] : [])))];
  const standardIds = [...new Set(actions.flatMap((a) => (a.standardId ? [a.standardId] : [])))];
  const [members, contacts, standards] = await Promise.all([
    memberIds.length
      ? db.membership.findMany({
          where: { tenantId, id: { in: memberIds } },
          select: { id: true, user: { select: { name: true } } },
        })
      : [],
    contactIds.length
      ? db.partnerContact.findMany({ where: { tenantId, id: { in: contactIds } }, select: { id: true, name: true } })
      : [],
    standardIds.length
      ? db.experienceStandard.findMany({
          where: { tenantId, id: { in: standardIds } },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const ownerName = new Map<string, string>([
    ...members.map((m) => [m.id, m.user.name] as const),
    ...contacts.map((c) => [c.id, c.name] as const),
  ]);
  const standardName = new Map(standards.map((s) => [s.id, s.name]));
  const latest = await latestValues(db, tenantId, rows);
  return rows.map(({ actions: planActions, partner, status, ...plan }) => ({
    ...plan,
    status: status as PlanStatus,
    partnerName: partner.name,
    progress: planProgress(planActions as { status: ActionStatus; dueOn: Date }[], now),
    actions: planActions.map((a) => {
      const state = { status: a.status as ActionStatus, dueOn: a.dueOn };
      return {
        ...a,
        status: state.status,
        owner: ownerName.get(a.ownerMembershipId ?? a.ownerContactId ?? "") ?? "No longer with the partner",
        metricLabel: metricLabel(a.metric, a.standardId ? standardName.get(a.standardId) : null),
        movement: metricMovement(a.baseline, latest.get(a.id) ?? null, a.target),
        overdue: isOverdue(state, now),
        dueSoonInDays: dueSoonInDays(state, now),
      };
    }),
  }));
}

/**
 * The latest published value of each action's metric since its plan opened: the partner's newest published scorecard
 * of the plan's opening month or later (a sub-score), or the newest verified assessment of the standard since then.
 */
async function latestValues(db: Db, tenantId: string, rows: PlanRow[]): Promise<Map<string, number | null>> {
  const values = new Map<string, number | null>();
  for (const plan of rows) {
    if (plan.actions.length === 0) continue;
    const since = monthStart(plan.createdAt);
    const card = plan.actions.some((a) => isScoreMetric(a.metric))
      ? await db.scorecard.findFirst({
          where: { tenantId, partnerId: plan.partnerId, status: "PUBLISHED", month: { gte: since } },
          orderBy: { month: "desc" },
        })
      : null;
    for (const action of plan.actions) {
      if (isScoreMetric(action.metric)) {
        const value = card ? card[action.metric] : null;
        values.set(action.id, typeof value === "number" ? value : null);
      } else if (action.standardId) {
        const assessment = await db.assessment.findFirst({
          where: {
            tenantId,
            partnerId: plan.partnerId,
            standardId: action.standardId,
            verification: "VERIFIED",
            period: { gte: since },
          },
          orderBy: { period: "desc" },
          select: { value: true },
        });
        values.set(action.id, assessment?.value ?? null);
      }
    }
  }
  return values;
}

/**
 * A partner's open plans with progress (for the panels on the scorecard, partner and portal home pages), and the
 * latest published scorecard in a plan band that has no open plan yet (the "open a plan" button).
 */
export async function partnerPlanPanel(db: Db, tenantId: string, partnerId: string, now = new Date()) {
  const open = await listPlans(db, tenantId, { partnerId, open: true, pageSize: 5 }, now);
  const latest = await db.scorecard.findFirst({
    where: { tenantId, partnerId, status: "PUBLISHED" },
    orderBy: { month: "desc" },
    select: { id: true, month: true, recommendation: true },
  });
  const openable =
    latest && isPlanBand(latest.recommendation)
      ? !open.plans.some((p) => p.scorecardId === latest.id) &&
        !(await db.correctivePlan.findFirst({
          where: { tenantId, scorecardId: latest.id, status: { notIn: ["VERIFIED", "CLOSED_UNMET"] } },
          select: { id: true },
        }))
        ? { scorecardId: latest.id, month: latest.month, recommendation: latest.recommendation! }
        : null
      : null;
  return { open: open.plans, openCount: open.total, openable };
}
export type PlanPanelData = Awaited<ReturnType<typeof partnerPlanPanel>>;

export type OpenPlanBadge = { id: string; status: PlanStatus; done: number; total: number };

/** Each partner's newest open plan with its actions done and total, for the scorecards table: one query. */
export async function openPlansByPartner(db: Db, tenantId: string): Promise<Record<string, OpenPlanBadge>> {
  const rows = await db.$queryRaw<{ partnerId: string; id: string; status: PlanStatus; total: bigint; done: bigint }[]>`
    select distinct on (p."partnerId") p."partnerId", p.id, p.status::text as status,
           count(a.id) as total, count(a.id) filter (where a.status <> 'OPEN') as done
    from "CorrectivePlan" p
    left join "PlanAction" a on a."tenantId" = p."tenantId" and a."planId" = p.id
    where p."tenantId" = ${tenantId} and p.status not in ('VERIFIED', 'CLOSED_UNMET')
    group by p."partnerId", p.id, p.status, p."createdAt"
    order by p."partnerId", p."createdAt" desc`;
  return Object.fromEntries(
    rows.map((r) => [r.partnerId, { id: r.id, status: r.status, done: Number(r.done), total: Number(r.total) }]),
  );
}

/** Who can own an action of this partner's plan: its users and its contacts. */
export async function ownerOptions(db: Db, tenantId: string, partnerId: string) {
  const [members, contacts] = await Promise.all([
    db.membership.findMany({
      where: { tenantId, partnerId },
      select: { id: true, role: true, user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.partnerContact.findMany({
      where: { tenantId, partnerId },
      select: { id: true, name: true, title: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return [
    ...members.map((m) => ({
      value: `member:${m.id}`,
      label: `${m.user.name} (${m.role === "PARTNER_ADMIN" ? "partner admin" : "partner agent"})`,
    })),
    ...contacts.map((c) => ({
      value: `contact:${c.id}`,
      label: `${c.name}${c.title ? ` (${c.title})` : ""}, contact`,
    })),
  ];
}
