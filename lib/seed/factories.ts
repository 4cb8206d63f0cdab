/**
 * Test-data factories, shared by the demo seed (lib/seed/demo-tenant.ts) and the tests.
 *
 * - `createUser` and `createTenantWithOwner` open their own connections/transactions (the User
 *   table is global; a new tenant needs its own tenant context).
 * - Every other factory takes `db` first: the transaction client given by
 *   `withTenant({ tenantId }, async (db) => …)`, so a test can compose several in one transaction:
 *
 *     const { tenant } = await createTenantWithOwner();
 *     await withTenant({ tenantId: tenant.id }, async (db) => {
 *       await createSlaPolicies(db, tenant.id);
 *       const partner = await createPartner(db, tenant.id, { type: "DELIVERY" });
 *       const touchpoint = await createTouchpoint(db, tenant.id);
 *       await assignPartner(db, tenant.id, touchpoint.id, partner.id);
 *       const incident = await createIncident(db, tenant.id, { partnerId: partner.id, touchpointId: touchpoint.id, status: "IN_PROGRESS" });
 *     });
 *
 * Defaults make valid rows with unique names; pass overrides for anything a test cares about.
 */

import { randomBytes, randomUUID } from "node:crypto";
import type {
  Customer,
  ExperienceStandard,
  Incident,
  IncidentEvent,
  IncidentSource,
  IncidentStatus,
  Interaction,
  Membership,
  Partner,
  Prisma,
  Role,
  Severity,
  SlaPolicy,
  Tenant,
  Touchpoint,
  TouchpointPartner,
  Transaction,
  User,
} from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { hashPassword } from "@/lib/auth/password";

// ---------------------------------------------------------------- helpers

/** Per-process token so default e-mails and slugs stay unique even in a database used before. */
const RUN = randomBytes(3).toString("hex");
let counter = 0;
function nextN(): number {
  counter += 1;
  return counter;
}

const DEFAULT_TEST_PASSWORD = "correct-horse-battery-staple";

const hashes = new Map<string, Promise<string>>();
/** argon2 hash of `password`, computed once per distinct password per process. */
export function cachedPasswordHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    hashes.set(password, h);
    h.catch(() => hashes.delete(password));
  }
  return h;
}

export class FactoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FactoryError";
  }
}

const MINUTE = 60_000;
const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);

// ---------------------------------------------------------------- users and tenants

export type CreateUserInput = { email?: string; name?: string; password?: string };

/** A global User (no tenant). Default e-mail `user-<n>-<run>@example.test`; e-mails are lower-cased. */
export async function createUser(input: CreateUserInput = {}): Promise<{ user: User; password: string }> {
  const n = nextN();
  const password = input.password ?? DEFAULT_TEST_PASSWORD;
  const email = (input.email ?? `user-${n}-${RUN}@example.test`).trim().toLowerCase();
  const user = await prisma().user.create({
    data: { email, name: input.name ?? `Test User ${n}`, passwordHash: await cachedPasswordHash(password) },
  });
  return { user, password };
}

export type CreateTenantInput = {
  /** Default: a uuid. */
  id?: string;
  slug?: string;
  name?: string;
  timezone?: string;
  settings?: Prisma.InputJsonValue;
  ownerEmail?: string;
  ownerName?: string;
  password?: string;
};

export type TenantWithOwner = {
  tenant: Tenant;
  owner: { user: User; password: string; membership: Membership };
};

/** A tenant and its OWNER (a new user), in the tenant's own transaction. */
export async function createTenantWithOwner(input: CreateTenantInput = {}): Promise<TenantWithOwner> {
  const n = nextN();
  const id = input.id ?? randomUUID();
  const slug = input.slug ?? `tenant-${n}-${RUN}`;
  const { user, password } = await createUser({
    email: input.ownerEmail,
    name: input.ownerName,
    password: input.password,
  });
  return withTenant({ tenantId: id }, async (db) => {
    const tenant = await db.tenant.create({
      data: { id, slug, name: input.name ?? `Tenant ${n}`, timezone: input.timezone, settings: input.settings },
    });
    const membership = await addMember(db, { tenantId: id, userId: user.id, role: "OWNER" });
    return { tenant, owner: { user, password, membership } };
  });
}

const PARTNER_ROLES: readonly Role[] = ["PARTNER_ADMIN", "PARTNER_AGENT"];

/** Whether `role` is a partner role (PARTNER_ADMIN / PARTNER_AGENT), which must be bound to a partner. */
function isPartnerRole(role: Role): boolean {
  return PARTNER_ROLES.includes(role);
}

export type AddMemberInput = { tenantId: string; userId: string; role: Role; partnerId?: string | null };

/**
 * A membership. Partner roles need `partnerId`; steward roles (OWNER, STEWARD, ANALYST) must not
 * have one: both mistakes throw FactoryError before touching the database.
 */
export async function addMember(db: Db, input: AddMemberInput): Promise<Membership> {
  const partnerId = input.partnerId ?? null;
  if (isPartnerRole(input.role) && !partnerId) throw new FactoryError(`A ${input.role} membership needs a partnerId`);
  if (!isPartnerRole(input.role) && partnerId)
    throw new FactoryError(`A ${input.role} membership cannot have a partnerId`);
  return db.membership.create({
    data: { tenantId: input.tenantId, userId: input.userId, role: input.role, partnerId },
  });
}

// ---------------------------------------------------------------- partner network

type Overrides<T> = Partial<Omit<T, "tenantId">>;

/** A partner. Defaults: `Partner <n>`, DELIVERY, REGISTERED, **ACTIVE** (not the schema's PROSPECT), region "North". */
export function createPartner(
  db: Db,
  tenantId: string,
  overrides: Overrides<Prisma.PartnerUncheckedCreateInput> = {},
): Promise<Partner> {
  const n = nextN();
  return db.partner.create({
    data: {
      name: `Partner ${n}`,
      type: "DELIVERY",
      tier: "REGISTERED",
      status: "ACTIVE",
      region: "North",
      ...overrides,
      tenantId,
    },
  });
}

/** A touchpoint. Defaults: `Touchpoint <n>`, stage "engage", FIELD, not a moment of truth, weight 1. */
export function createTouchpoint(
  db: Db,
  tenantId: string,
  overrides: Overrides<Prisma.TouchpointUncheckedCreateInput> = {},
): Promise<Touchpoint> {
  const n = nextN();
  return db.touchpoint.create({
    data: { name: `Touchpoint ${n}`, stage: "engage", channel: "FIELD", position: n, ...overrides, tenantId },
  });
}

/**
 * Assigns a partner to handle a touchpoint. Dated long ago by default (2020-01-01 plus one millisecond per
 * factory call, so they keep their order), so the assignment is in force for any month a test scores; pass
 * `assignedAt` to date it.
 */
export function assignPartner(
  db: Db,
  tenantId: string,
  touchpointId: string,
  partnerId: string,
  assignedAt: Date = new Date(Date.UTC(2020, 0, 1) + nextN()),
): Promise<TouchpointPartner> {
  return db.touchpointPartner.create({ data: { tenantId, touchpointId, partnerId, assignedAt } });
}

/**
 * Version 1 of an experience standard (lineageId = id). Defaults: `Standard <n>`, PERCENTAGE ≥ 95 "%",
 * weight 1, MEDIUM.
 */
export function createStandard(
  db: Db,
  tenantId: string,
  touchpointId: string,
  overrides: Overrides<Omit<Prisma.ExperienceStandardUncheckedCreateInput, "touchpointId">> = {},
): Promise<ExperienceStandard> {
  const n = nextN();
  const id = overrides.id ?? randomUUID();
  return db.experienceStandard.create({
    data: {
      name: `Standard ${n}`,
      metricKind: "PERCENTAGE",
      comparator: "GTE",
      target: 95,
      unit: "%",
      weight: 1,
      severity: "MEDIUM",
      version: 1,
      isCurrent: true,
      ...overrides,
      id,
      lineageId: overrides.lineageId ?? id,
      touchpointId,
      tenantId,
    },
  });
}

// ---------------------------------------------------------------- customers and activity

/** A customer. Defaults: `Customer <n>`, B2C, acquired 180 days ago, no acquiring partner. */
export function createCustomer(
  db: Db,
  tenantId: string,
  overrides: Overrides<Prisma.CustomerUncheckedCreateInput> = {},
): Promise<Customer> {
  const n = nextN();
  return db.customer.create({
    data: {
      name: `Customer ${n}`,
      segment: "B2C",
      acquiredAt: new Date(Date.now() - 180 * 24 * 60 * MINUTE),
      ...overrides,
      tenantId,
    },
  });
}

export type TransactionInput = Overrides<Prisma.TransactionUncheckedCreateInput> & { customerId: string };

/** A purchase. Defaults: now, revenue 100.00, margin 30.00. */
export function createTransaction(db: Db, tenantId: string, input: TransactionInput): Promise<Transaction> {
  return db.transaction.create({ data: { occurredAt: new Date(), revenue: 100, margin: 30, ...input, tenantId } });
}

export type InteractionInput = Overrides<Prisma.InteractionUncheckedCreateInput> & {
  partnerId: string;
  touchpointId: string;
};

/** One customer experience at a touchpoint. Defaults: now, SUCCESS, no CSAT/NPS. */
export function createInteraction(db: Db, tenantId: string, input: InteractionInput): Promise<Interaction> {
  return db.interaction.create({ data: { occurredAt: new Date(), outcome: "SUCCESS", ...input, tenantId } });
}

// ---------------------------------------------------------------- SLA policies and incidents

export type SlaRule = { ackMinutes: number; resolveMinutes: number };

/** The default 24/7 SLA per severity, in minutes. */
export const DEFAULT_SLA: Readonly<Record<Severity, SlaRule>> = {
  CRITICAL: { ackMinutes: 15, resolveMinutes: 240 },
  HIGH: { ackMinutes: 60, resolveMinutes: 1440 },
  MEDIUM: { ackMinutes: 240, resolveMinutes: 4320 },
  LOW: { ackMinutes: 1440, resolveMinutes: 10080 },
};

export const SEVERITIES: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
export const INCIDENT_STATUSES: readonly IncidentStatus[] = [
  "OPEN",
  "ACKNOWLEDGED",
  "IN_PROGRESS",
  "WAITING",
  "RESOLVED",
  "CLOSED",
];

/** Level 1 the partner, level 2 the brand's channel manager (a steward), level 3 an executive (the owner). */
const DEFAULT_LADDER = [
  { level: 1, role: "PARTNER" },
  { level: 2, role: "STEWARD" },
  { level: 3, role: "OWNER" },
];

/** One 24/7 SLA policy per severity (DEFAULT_SLA) with the default escalation ladder. Returns them CRITICAL → LOW. */
export async function createSlaPolicies(db: Db, tenantId: string): Promise<SlaPolicy[]> {
  const out: SlaPolicy[] = [];
  for (const severity of SEVERITIES) {
    out.push(
      await db.slaPolicy.create({
        data: { tenantId, severity, ...DEFAULT_SLA[severity], businessHoursOnly: false, ladder: DEFAULT_LADDER },
      }),
    );
  }
  return out;
}

export type IncidentInput = {
  partnerId: string;
  touchpointId: string;
  id?: string;
  /** Default: the tenant's highest number + 1. */
  number?: number;
  customerId?: string | null;
  severity?: Severity;
  /** Final status; the timeline walks OPEN → ACKNOWLEDGED → IN_PROGRESS (→ WAITING) → RESOLVED → CLOSED up to it. */
  status?: IncidentStatus;
  category?: string;
  title?: string;
  description?: string;
  customersAffected?: number;
  costRefunds?: number;
  costReshipment?: number;
  costCredits?: number;
  costHandling?: number;
  source?: IncidentSource;
  escalationLevel?: number;
  assigneeId?: string | null;
  createdById?: string | null;
  externalRef?: string | null;
  extraMinutes?: number;
  /**
   * When it was opened. Default: now for OPEN; otherwise early enough that every step of the
   * default timeline lies in the past.
   */
  openedAt?: Date;
  /** For RESOLVED/CLOSED: pass null to resolve without a separate acknowledgement (OPEN → RESOLVED). */
  acknowledgedAt?: Date | null;
  /** When work started (IN_PROGRESS). */
  startedAt?: Date;
  /** When the current wait began (WAITING; stored as pausedAt). */
  waitingSince?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  /** Default for RESOLVED/CLOSED: a generic text (both are required to resolve). Other statuses keep what is given, else null. */
  rootCause?: string;
  resolution?: string;
  /** actorLabel of the CREATED event. Default: by source, the partner or steward label, or "api". */
  reporterLabel?: string;
  /** actorLabel of the partner's steps (acknowledge, start, wait, resolve). Default "partner". */
  partnerLabel?: string;
  /** actorLabel of the steward's steps (close). Default "steward". */
  stewardLabel?: string;
  /** actorUserId of the partner's steps. */
  partnerActorId?: string | null;
  /** actorUserId of the steward's steps. */
  stewardActorId?: string | null;
};

export type IncidentPlan = {
  incident: Prisma.IncidentCreateManyInput & { id: string; openedAt: Date };
  events: (Prisma.IncidentEventCreateManyInput & { createdAt: Date })[];
};

type Step = { status: IncidentStatus; at: Date; actor: "partner" | "steward" };

/**
 * The incident row and its timeline events, without touching the database (used by
 * createIncident and, in bulk, by the demo seed). Deadlines use plain 24/7 minute arithmetic:
 * ackDueAt = openedAt + ackMinutes, resolveDueAt = openedAt + resolveMinutes + extraMinutes;
 * nextDueAt = ackDueAt until acknowledged, then resolveDueAt, null when WAITING, RESOLVED or CLOSED.
 * Throws FactoryError when given timestamps go backwards.
 */
export function planIncident(args: {
  tenantId: string;
  number: number;
  policy: SlaRule;
  input: IncidentInput;
  now?: Date;
  /** Id generator, given the row's time (for deterministic seeds). Default: random uuid. */
  newId?: (time: Date) => string;
}): IncidentPlan {
  const { tenantId, number, policy, input } = args;
  const now = args.now ?? new Date();
  const newId = args.newId ?? (() => randomUUID());
  const status = input.status ?? "OPEN";
  const severity = input.severity ?? "MEDIUM";
  const source = input.source ?? "STEWARD";
  const category = input.category ?? "Service failure";

  // Which steps the timeline goes through.
  const resolvedLike = status === "RESOLVED" || status === "CLOSED";
  const skipAck = resolvedLike && input.acknowledgedAt === null;
  const path: IncidentStatus[] = [];
  if (status !== "OPEN" && !skipAck) path.push("ACKNOWLEDGED");
  if ((status === "IN_PROGRESS" || status === "WAITING" || resolvedLike) && !skipAck) path.push("IN_PROGRESS");
  if (status === "WAITING") path.push("WAITING");
  if (resolvedLike) path.push("RESOLVED");
  if (status === "CLOSED") path.push("CLOSED");

  const given: Partial<Record<IncidentStatus, Date | undefined>> = {
    ACKNOWLEDGED: input.acknowledgedAt ?? undefined,
    IN_PROGRESS: input.startedAt,
    WAITING: input.waitingSince,
    RESOLVED: input.resolvedAt,
    CLOSED: input.closedAt,
  };
  const defaultGap = (step: IncidentStatus, elapsed: number): number => {
    switch (step) {
      case "ACKNOWLEDGED":
        return Math.max(1, Math.round(policy.ackMinutes / 2));
      case "IN_PROGRESS":
        return 10;
      case "WAITING":
        return 30;
      case "RESOLVED":
        return Math.max(30, Math.round(policy.resolveMinutes / 2) - elapsed);
      case "CLOSED":
        return 1440;
      default:
        return 0;
    }
  };

  let openedAt = input.openedAt;
  if (!openedAt) {
    if (path.some((s) => given[s]))
      throw new FactoryError("createIncident: pass openedAt together with the step timestamps");
    let total = 0;
    for (const s of path) total += defaultGap(s, total);
    openedAt = path.length === 0 ? now : addMinutes(now, -(total + 60));
  }

  const steps: Step[] = [];
  let previous = openedAt;
  for (const s of path) {
    const elapsed = (previous.getTime() - openedAt.getTime()) / MINUTE;
    const at = given[s] ?? addMinutes(previous, defaultGap(s, elapsed));
    if (at.getTime() < previous.getTime()) {
      throw new FactoryError(
        `createIncident: the ${s} time (${at.toISOString()}) is before the previous step (${previous.toISOString()})`,
      );
    }
    steps.push({ status: s, at, actor: s === "CLOSED" ? "steward" : "partner" });
    previous = at;
  }
  const stepAt = (s: IncidentStatus) => steps.find((x) => x.status === s)?.at ?? null;

  const extraMinutes = input.extraMinutes ?? 0;
  const ackDueAt = addMinutes(openedAt, policy.ackMinutes);
  const resolveDueAt = addMinutes(openedAt, policy.resolveMinutes + extraMinutes);
  const acknowledgedAt = stepAt("ACKNOWLEDGED");
  const nextDueAt =
    status === "OPEN"
      ? ackDueAt.getTime() <= resolveDueAt.getTime()
        ? ackDueAt
        : resolveDueAt
      : status === "ACKNOWLEDGED" || status === "IN_PROGRESS"
        ? resolveDueAt
        : null;

  const partnerLabel = input.partnerLabel ?? "partner";
  const stewardLabel = input.stewardLabel ?? "steward";
  const reporterLabel =
    input.reporterLabel ?? (source === "PARTNER" ? partnerLabel : source === "API" ? "api" : stewardLabel);
  const rootCause = resolvedLike
    ? (input.rootCause ?? `Root cause of the ${category.toLowerCase()} identified`)
    : input.rootCause;
  const resolution = resolvedLike
    ? (input.resolution ?? "Fixed with the customer and the process corrected")
    : input.resolution;
  const title = input.title ?? `${category} #${number}`;
  const description = input.description ?? `${category} reported for this touchpoint.`;

  const id = input.id ?? newId(openedAt);
  const incident: IncidentPlan["incident"] = {
    tenantId,
    id,
    number,
    partnerId: input.partnerId,
    touchpointId: input.touchpointId,
    customerId: input.customerId ?? null,
    severity,
    category,
    title,
    description,
    customersAffected: input.customersAffected ?? 1,
    costRefunds: input.costRefunds ?? 0,
    costReshipment: input.costReshipment ?? 0,
    costCredits: input.costCredits ?? 0,
    costHandling: input.costHandling ?? 0,
    status,
    source,
    escalationLevel: input.escalationLevel ?? 1,
    assigneeId: input.assigneeId ?? null,
    openedAt,
    acknowledgedAt,
    resolvedAt: stepAt("RESOLVED"),
    closedAt: stepAt("CLOSED"),
    pausedMinutes: 0,
    pausedAt: stepAt("WAITING"),
    extraMinutes,
    ackDueAt,
    resolveDueAt,
    nextDueAt,
    rootCause: rootCause ?? null,
    resolution: resolution ?? null,
    externalRef: input.externalRef ?? null,
    createdById: input.createdById ?? null,
    createdAt: openedAt,
  };

  const events: IncidentPlan["events"] = [
    {
      tenantId,
      id: newId(openedAt),
      incidentId: id,
      type: "CREATED",
      toStatus: "OPEN",
      body: description,
      actorUserId: input.createdById ?? null,
      actorLabel: reporterLabel,
      createdAt: openedAt,
    },
  ];
  let from: IncidentStatus = "OPEN";
  for (const step of steps) {
    events.push({
      tenantId,
      id: newId(step.at),
      incidentId: id,
      type: "STATUS_CHANGED",
      fromStatus: from,
      toStatus: step.status,
      body: step.status === "RESOLVED" ? resolution : null,
      data: step.status === "RESOLVED" ? { rootCause } : undefined,
      actorUserId: (step.actor === "steward" ? input.stewardActorId : input.partnerActorId) ?? null,
      actorLabel: step.actor === "steward" ? stewardLabel : partnerLabel,
      createdAt: step.at,
    });
    from = step.status;
  }
  return { incident, events };
}

/** The tenant's SLA rule for a severity, or DEFAULT_SLA when it has no policy. */
async function slaRuleFor(db: Db, tenantId: string, severity: Severity): Promise<SlaRule> {
  const policy = await db.slaPolicy.findUnique({ where: { tenantId_severity: { tenantId, severity } } });
  return policy ? { ackMinutes: policy.ackMinutes, resolveMinutes: policy.resolveMinutes } : DEFAULT_SLA[severity];
}

/**
 * An incident with the next per-tenant number, deadlines from the tenant's SLA policy for its
 * severity (DEFAULT_SLA when there is none), timestamps and resolution fields consistent with its
 * status, and a timeline (CREATED, then one STATUS_CHANGED per step). See `planIncident`.
 */
export async function createIncident(
  db: Db,
  tenantId: string,
  input: IncidentInput,
): Promise<Incident & { events: IncidentEvent[] }> {
  const severity = input.severity ?? "MEDIUM";
  const policy = await slaRuleFor(db, tenantId, severity);
  let number = input.number;
  if (number === undefined) {
    const max = await db.incident.aggregate({ where: { tenantId }, _max: { number: true } });
    number = (max._max.number ?? 0) + 1;
  }
  const plan = planIncident({ tenantId, number, policy, input: { ...input, severity } });
  const incident = await db.incident.create({ data: plan.incident });
  const events = await db.incidentEvent.createManyAndReturn({ data: plan.events });
  return { ...incident, events };
}
