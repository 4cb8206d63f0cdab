/** Every tenant row of the demo, planned in memory by the per-entity planners (deterministic for given options). */
import type { Prisma } from "@/generated/prisma/client";
import { type IncidentPlan, SEVERITIES } from "../factories";
import { createRng } from "../random";
import { type Base, type PlannedPartner, planBase } from "./base";
import { type DemoCounts, type Resolved, type SeedDemoOptions, resolveOptions } from "./options";
import { planContext } from "./planners/context";
import { planCustomers, planTransactions } from "./planners/customers";
import { planIncidents } from "./planners/incidents";
import { planInteractions, planSurvey } from "./planners/activity";
import { planStandards, planTouchpoints } from "./planners/journey";
import { planAlignment, planMemberships, planPartnerRows } from "./planners/people";

export type Plan = {
  tenantCreatedAt: Date;
  memberships: Prisma.MembershipCreateManyInput[];
  partners: Prisma.PartnerCreateManyInput[];
  contacts: Prisma.PartnerContactCreateManyInput[];
  questions: Prisma.AlignmentQuestionCreateManyInput[];
  answers: Prisma.AlignmentAnswerCreateManyInput[];
  touchpoints: Prisma.TouchpointCreateManyInput[];
  touchpointPartners: Prisma.TouchpointPartnerCreateManyInput[];
  standards: Prisma.ExperienceStandardCreateManyInput[];
  acknowledgements: Prisma.StandardAcknowledgementCreateManyInput[];
  assessments: Prisma.AssessmentCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  transactions: Prisma.TransactionCreateManyInput[];
  interactions: Prisma.InteractionCreateManyInput[];
  incidents: IncidentPlan["incident"][];
  incidentEvents: Prisma.IncidentEventCreateManyInput[];
  escalations: Prisma.EscalationCreateManyInput[];
  surveyResponses: Prisma.PartnerSurveyResponseCreateManyInput[];
  counts: DemoCounts;
};

type Rows = Omit<Plan, "tenantCreatedAt" | "counts">;

function countRows(base: Base, rows: Rows): DemoCounts {
  return {
    users: base.users.length,
    memberships: rows.memberships.length,
    partners: rows.partners.length,
    partnerContacts: rows.contacts.length,
    alignmentQuestions: rows.questions.length,
    alignmentAnswers: rows.answers.length,
    touchpoints: rows.touchpoints.length,
    touchpointPartners: rows.touchpointPartners.length,
    standards: rows.standards.length,
    acknowledgements: rows.acknowledgements.length,
    assessments: rows.assessments.length,
    slaPolicies: SEVERITIES.length,
    customers: rows.customers.length,
    transactions: rows.transactions.length,
    interactions: rows.interactions.length,
    incidents: rows.incidents.length,
    incidentEvents: rows.incidentEvents.length,
    escalations: rows.escalations.length,
    surveyResponses: rows.surveyResponses.length,
  };
}

export function planRows(opts: Resolved, base: Base, userIds: Map<string, string>): Plan {
  const ctx = planContext(opts, base, createRng(opts.seed), userIds);
  const { memberships, adminOf, agentOf } = planMemberships(ctx);
  const { partnerRows, contacts } = planPartnerRows(ctx);
  const { questions, answers } = planAlignment(ctx, partnerRows);
  const { touchpoints, touchpointRows, touchpointPartners, operating } = planTouchpoints(ctx);
  const { standards, acknowledgements, assessments } = planStandards(ctx, touchpoints, adminOf);
  const { custs, customers, customerBefore, sellers } = planCustomers(ctx, operating);
  const { transactions, servedBy } = planTransactions(ctx, custs, sellers, touchpoints);
  const interactions = planInteractions(ctx, touchpoints, customerBefore);
  // SLA policies are written by the createSlaPolicies factory; incidents follow DEFAULT_SLA.
  const stewardEmail = base.logins.steward.email;
  const { incidents, incidentEvents, escalations } = planIncidents({
    rng: ctx.root.fork("incidents"),
    newId: ctx.idStream("incidents"),
    tenantId: ctx.tenantId,
    now: ctx.now,
    windowStart: ctx.windowStart,
    count: ctx.size.incidents,
    partners: operating,
    touchpointsOf: (p: PlannedPartner) => touchpoints.filter((t) => t.partners.includes(p)),
    servedBy,
    customerBefore,
    adminOf,
    steward: { id: ctx.userId(stewardEmail), email: stewardEmail },
    prefix: opts.prefix,
  });
  const surveyResponses = planSurvey(ctx, adminOf, agentOf);
  const rows: Rows = {
    memberships,
    partners: partnerRows,
    contacts,
    questions,
    answers,
    touchpoints: touchpointRows,
    touchpointPartners,
    standards,
    acknowledgements,
    assessments,
    customers,
    transactions,
    interactions,
    incidents,
    incidentEvents,
    escalations,
    surveyResponses,
  };
  return { tenantCreatedAt: ctx.tenantCreatedAt, ...rows, counts: countRows(base, rows) };
}

/** Every tenant row of the demo, in memory. Exported for tests and tools; deterministic for given options and user ids. */
export function planDemoRows(options: SeedDemoOptions = {}, userIds?: Map<string, string>) {
  const opts = resolveOptions(options);
  const base = planBase(opts);
  const ids = userIds ?? new Map(base.users.map((u) => [u.email, `user:${u.email}`]));
  return planRows(opts, base, ids);
}
