/**
 * Partner lifecycle: PROSPECT → VETTING → ACTIVE ⇄ PROBATION → OFFBOARDED.
 * Pure rules (no DB): the string values match the Prisma `PartnerStatus` enum.
 */

export const PARTNER_STATUSES = ["PROSPECT", "VETTING", "ACTIVE", "PROBATION", "OFFBOARDED"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  PROSPECT: "Prospect",
  VETTING: "Vetting",
  ACTIVE: "Active",
  PROBATION: "Probation",
  OFFBOARDED: "Offboarded",
};

export const PARTNER_STATUS_DESCRIPTIONS: Record<PartnerStatus, string> = {
  PROSPECT: "Identified as a possible partner; not yet assessed.",
  VETTING: "Being assessed, including the values-alignment assessment.",
  ACTIVE: "Delivering part of the customer experience.",
  PROBATION: "Still delivering, under a performance-improvement watch.",
  OFFBOARDED: "No longer part of the demand chain (final).",
};

const PARTNER_TRANSITIONS: Record<PartnerStatus, readonly PartnerStatus[]> = {
  PROSPECT: ["VETTING", "OFFBOARDED"],
  VETTING: ["ACTIVE", "OFFBOARDED"],
  ACTIVE: ["PROBATION", "OFFBOARDED"],
  PROBATION: ["ACTIVE", "OFFBOARDED"],
  OFFBOARDED: [],
};

/** Thrown when a lifecycle transition (partner or incident) is not allowed. */
export class LifecycleError extends Error {
  readonly entity: string;
  readonly from: string;
  readonly to: string;
  readonly allowed: readonly string[];

  constructor(entity: string, from: string, to: string, allowed: readonly string[], message?: string) {
    super(message ?? transitionMessage(entity, from, to, allowed));
    this.name = "LifecycleError";
    this.entity = entity;
    this.from = from;
    this.to = to;
    this.allowed = allowed;
  }
}

/** "A partner in VETTING cannot move to PROBATION; allowed: ACTIVE, OFFBOARDED" */
function transitionMessage(entity: string, from: string, to: string, allowed: readonly string[]): string {
  const article = /^[aeiou]/i.test(entity) ? "An" : "A";
  const rest = allowed.length > 0 ? allowed.join(", ") : `none (${from} is final)`;
  return `${article} ${entity} in ${from} cannot move to ${to}; allowed: ${rest}`;
}

export function isPartnerStatus(value: unknown): value is PartnerStatus {
  return typeof value === "string" && (PARTNER_STATUSES as readonly string[]).includes(value);
}

/** Statuses a partner in `from` may move to (empty for OFFBOARDED or an unknown status). */
export function allowedPartnerTransitions(from: PartnerStatus): readonly PartnerStatus[] {
  return isPartnerStatus(from) ? PARTNER_TRANSITIONS[from] : [];
}

/** Staying in the same status is not a transition, so `canTransitionPartner(x, x)` is false. */
export function canTransitionPartner(from: PartnerStatus, to: PartnerStatus): boolean {
  return isPartnerStatus(to) && allowedPartnerTransitions(from).includes(to);
}

export function assertPartnerTransition(from: PartnerStatus, to: PartnerStatus): void {
  if (!isPartnerStatus(from)) {
    throw new LifecycleError("partner", String(from), String(to), [], `Unknown partner status "${String(from)}"`);
  }
  if (!isPartnerStatus(to)) {
    throw new LifecycleError(
      "partner",
      from,
      String(to),
      PARTNER_TRANSITIONS[from],
      `Unknown partner status "${String(to)}"`,
    );
  }
  if (!canTransitionPartner(from, to)) {
    throw new LifecycleError("partner", from, to, PARTNER_TRANSITIONS[from]);
  }
}

/** A partner can still take part in the demand chain (be routed incidents, be scored). */
export function isPartnerOperating(status: PartnerStatus): boolean {
  return status === "ACTIVE" || status === "PROBATION";
}
