/** Incidents in every status and severity, their timelines, events and the escalations the ladder would have made. */
import type { IncidentStatus, Prisma, Severity } from "@/generated/prisma/client";
import { ESCALATION_LEVEL_LABELS, escalationsDue, type EscalationLevel } from "@/lib/incidents/escalation-rules";
import { DEFAULT_SLA, INCIDENT_STATUSES, type IncidentPlan, planIncident, SEVERITIES } from "../../factories";
import type { Rng } from "../../random";
import type { PlannedPartner } from "../base";
import { INCIDENT_CATEGORIES } from "../catalogue/incidents";
import { CURRENT, MINUTE, addMinutes } from "../options";
import type { PartnerUser, PlannedTouchpoint } from "./context";

type IncidentArgs = {
  rng: Rng;
  newId: (time: Date | number) => string;
  tenantId: string;
  now: Date;
  windowStart: Date;
  count: number;
  partners: PlannedPartner[];
  touchpointsOf: (p: PlannedPartner) => PlannedTouchpoint[];
  servedBy: Map<string, { id: string; acquiredAt: Date }[]>;
  customerBefore: (r: Rng, t: number) => { id: string } | null;
  adminOf: Map<string, PartnerUser>;
  steward: PartnerUser;
  prefix: string;
};

const STATUS_WEIGHTS: [IncidentStatus, number][] = [
  ["CLOSED", 0.6],
  ["RESOLVED", 0.13],
  ["OPEN", 0.07],
  ["ACKNOWLEDGED", 0.05],
  ["IN_PROGRESS", 0.1],
  ["WAITING", 0.05],
];
const SEVERITY_WEIGHTS: [Severity, number][] = [
  ["CRITICAL", 0.08],
  ["HIGH", 0.22],
  ["MEDIUM", 0.4],
  ["LOW", 0.3],
];

type Timeline = {
  openedAt: Date;
  acknowledgedAt?: Date | null;
  startedAt?: Date;
  waitingSince?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
};

/** When the incident was opened and reached each status: good partners acknowledge and resolve well inside the SLA. */
function drawTimeline(a: IncidentArgs, status: IncidentStatus, severity: Severity, partner: PlannedPartner): Timeline {
  const r = a.rng;
  const { now } = a;
  const sla = DEFAULT_SLA[severity];
  const slowness = (0.86 - partner.quality) * 3.5;
  const ackDelay = Math.max(1, Math.round(sla.ackMinutes * Math.exp(r.normal(Math.log(0.4) + slowness, 0.55))));
  const startDelay = Math.max(2, Math.round(r.int(5, 90) * (severity === "CRITICAL" ? 0.3 : 1)));
  const resolveTotal = Math.max(
    ackDelay + startDelay + 15,
    Math.round(sla.resolveMinutes * Math.exp(r.normal(Math.log(0.45) + slowness, 0.5))),
  );
  const closeDelay = r.int(1, 7) * 1440 + r.int(0, 1439);
  const skipAck = status === "RESOLVED" || status === "CLOSED" ? r.chance(0.05) : false;

  let openedAt: Date;
  const t: Omit<Timeline, "openedAt"> = {};
  const spanFrom = Math.max(a.windowStart.getTime(), partner.operatingFrom!.getTime());
  const spanTo = Math.min(now.getTime(), partner.operatingTo!.getTime());
  if (status === "CLOSED") {
    const latest = spanTo - (resolveTotal + closeDelay + 60) * MINUTE;
    openedAt = new Date(latest <= spanFrom ? spanFrom : spanFrom + r.next() * (latest - spanFrom));
  } else if (status === "RESOLVED") {
    openedAt = addMinutes(now, -(resolveTotal + r.int(60, 10 * 1440)));
  } else if (status === "OPEN") {
    openedAt = addMinutes(now, -Math.max(1, Math.round(sla.ackMinutes * r.float(0.1, 2.2))));
  } else {
    const base = ackDelay + (status === "ACKNOWLEDGED" ? 0 : startDelay);
    openedAt = addMinutes(now, -Math.round(base + 1 + sla.resolveMinutes * r.float(0.05, 1.35)));
  }
  if (status !== "OPEN") t.acknowledgedAt = skipAck ? null : addMinutes(openedAt, ackDelay);
  if (t.acknowledgedAt && status !== "ACKNOWLEDGED") t.startedAt = addMinutes(t.acknowledgedAt, startDelay);
  if (status === "WAITING") {
    const from = t.startedAt!.getTime();
    t.waitingSince = new Date(from + r.float(0.2, 0.9) * (now.getTime() - from));
  }
  if (status === "RESOLVED" || status === "CLOSED") t.resolvedAt = addMinutes(openedAt, resolveTotal);
  if (status === "CLOSED") t.closedAt = addMinutes(t.resolvedAt!, closeDelay);
  return { openedAt, ...t };
}

const affectedBySeverity = (r: Rng, severity: Severity) =>
  severity === "CRITICAL" ? r.int(8, 80) : severity === "HIGH" ? r.int(2, 15) : severity === "MEDIUM" ? r.int(1, 4) : 1;

/** The i-th incident: the first ones cover every status and severity, the rest are drawn. */
function draftIncident(a: IncidentArgs, i: number, candidates: PlannedPartner[], current: PlannedPartner[]) {
  const r = a.rng;
  const status: IncidentStatus = i < INCIDENT_STATUSES.length ? INCIDENT_STATUSES[i] : r.weightedPick(STATUS_WEIGHTS);
  const severity: Severity =
    i < SEVERITIES.length ? SEVERITIES[(i * 3) % SEVERITIES.length] : r.weightedPick(SEVERITY_WEIGHTS);
  const active = status !== "CLOSED" && status !== "RESOLVED";
  const pool = active || status === "RESOLVED" ? current : candidates;
  const partner = r.weighted(
    pool,
    pool.map((p) => p.size * Math.pow(1 - p.quality, 1.5)),
  );
  const touchpoint = r.pick(a.touchpointsOf(partner));
  const times = drawTimeline(a, status, severity, partner);
  const { openedAt } = times;

  const cat = r.pick(INCIDENT_CATEGORIES[partner.type]);
  const customersAffected = affectedBySeverity(r, severity);
  const costOf = (perCustomer: number) =>
    perCustomer > 0 ? Number((perCustomer * customersAffected * r.float(0.6, 1.5)).toFixed(2)) : 0;
  const served = a.servedBy.get(partner.id)?.filter((c) => c.acquiredAt.getTime() <= openedAt.getTime());
  const customer =
    customersAffected <= 4 && r.chance(0.8)
      ? served && served.length > 0
        ? r.pick(served)
        : a.customerBefore(r, openedAt.getTime())
      : null;
  const source = r.weightedPick<"STEWARD" | "PARTNER" | "API">([
    ["STEWARD", 0.45],
    ["PARTNER", 0.3],
    ["API", 0.25],
  ]);
  const admin = a.adminOf.get(partner.id);
  const partnerLabel = admin?.email ?? partner.name;
  const title = r.pick(cat.titles);
  const reporter =
    source === "STEWARD" ? a.steward.email : source === "PARTNER" ? partnerLabel : `api key ${partner.key}-integration`;
  const description = `${title}. ${customersAffected === 1 ? "One customer" : `${customersAffected} customers`} affected at ${touchpoint.name.toLowerCase()} (${partner.region}). Reported ${source === "API" ? "through the API" : `by ${reporter}`}.`;
  const closed = status === "RESOLVED" || status === "CLOSED";
  const plan = planIncident({
    tenantId: a.tenantId,
    number: 0, // numbered later, in order of opening
    policy: DEFAULT_SLA[severity],
    now: a.now,
    newId: (t) => a.newId(t),
    input: {
      partnerId: partner.id,
      touchpointId: touchpoint.id,
      customerId: customer?.id ?? null,
      severity,
      status,
      category: cat.category,
      title,
      description,
      customersAffected,
      costRefunds: costOf(cat.cost[0]),
      costReshipment: costOf(cat.cost[1]),
      costCredits: costOf(cat.cost[2]),
      costHandling: costOf(cat.cost[3]),
      source,
      createdById: source === "STEWARD" ? a.steward.id : source === "PARTNER" ? (admin?.id ?? null) : null,
      openedAt,
      acknowledgedAt: times.acknowledgedAt,
      startedAt: times.startedAt,
      waitingSince: times.waitingSince,
      resolvedAt: times.resolvedAt,
      closedAt: times.closedAt,
      rootCause: closed ? r.pick(cat.rootCauses) : undefined,
      resolution: closed ? r.pick(cat.resolutions) : undefined,
      reporterLabel: reporter,
      partnerLabel,
      partnerActorId: admin?.id ?? null,
      stewardLabel: a.steward.email,
      stewardActorId: a.steward.id,
    },
  });
  return { plan, partner };
}

/** Escalations the ladder would have made: missed acknowledgement → level 2, missed resolution → level 3. */
function escalate(a: IncidentArgs, plan: IncidentPlan, escalations: Prisma.EscalationCreateManyInput[]) {
  const inc = plan.incident;
  const { now } = a;
  const ackDue = new Date(inc.ackDueAt as Date).getTime();
  const resolveDue = new Date(inc.resolveDueAt as Date).getTime();
  const ackAt = (inc.acknowledgedAt ?? inc.resolvedAt) as Date | null;
  const clockEnd = ((inc.resolvedAt as Date | null) ?? (inc.pausedAt as Date | null) ?? now).getTime();
  const ackBreached = (ackAt ? ackAt.getTime() : now.getTime()) > ackDue;
  const resolveBreached = clockEnd > resolveDue;
  for (const e of escalationsDue({ ackBreached, resolveBreached }, 1)) {
    const at = addMinutes(new Date(e.reason === "ACK_BREACH" ? ackDue : resolveDue), 1);
    if (at.getTime() > now.getTime()) continue;
    escalations.push({
      tenantId: a.tenantId,
      id: a.newId(at),
      incidentId: inc.id,
      level: e.level,
      reason: e.reason,
      createdAt: at,
    });
    plan.events.push({
      tenantId: a.tenantId,
      id: a.newId(at),
      incidentId: inc.id,
      type: "ESCALATED",
      body: `Escalated to level ${e.level} (${ESCALATION_LEVEL_LABELS[e.level as EscalationLevel]}): ${e.reason === "ACK_BREACH" ? "acknowledgement" : "resolution"} overdue`,
      actorLabel: "system",
      data: { level: e.level, reason: e.reason },
      createdAt: at,
    });
    inc.escalationLevel = Math.max(inc.escalationLevel ?? 1, e.level);
  }
}

export function planIncidents(a: IncidentArgs) {
  const candidates = a.partners.filter((p) => a.touchpointsOf(p).length > 0);
  const current = candidates.filter((p) => CURRENT.includes(p.status));
  const drafts = Array.from({ length: a.count }, (_, i) => draftIncident(a, i, candidates, current));
  drafts.sort((x, y) => x.plan.incident.openedAt.getTime() - y.plan.incident.openedAt.getTime());
  const incidents: IncidentPlan["incident"][] = [];
  const incidentEvents: Prisma.IncidentEventCreateManyInput[] = [];
  const escalations: Prisma.EscalationCreateManyInput[] = [];
  drafts.forEach(({ plan, partner }, index) => {
    const inc = plan.incident;
    inc.number = index + 1;
    if (inc.source === "API") inc.externalRef = `${partner.key.slice(0, 12)}-${10000 + index * 7}`;
    escalate(a, plan, escalations);
    plan.events.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    incidents.push(inc);
    incidentEvents.push(...plan.events);
  });
  return { incidents, incidentEvents, escalations };
}
