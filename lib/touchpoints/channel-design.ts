/**
 * Channel design made usable (issue 19, part 2; the frameworks of DESIGN.md): the workspace's channel
 * design and scope of integration, the network value proposition each touchpoint serves, who is
 * Responsible, Accountable, Consulted and Informed at it (a partner or the brand), and the gaps the
 * journey map shows.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import type { CHANNEL_DESIGNS, INTEGRATION_SCOPES } from "@/lib/tenants/settings";
import { requireTouchpoint } from "./touchpoints";

type Explained = { label: string; explanation: string };

export const CHANNEL_DESIGN_OPTIONS: Record<(typeof CHANNEL_DESIGNS)[number], Explained> = {
  TRANSACTIONAL: {
    label: "Transactional",
    explanation: "The brand sells directly and owns the whole experience.",
  },
  LIMITED: {
    label: "Limited",
    explanation: "Intermediaries sell; they own much of the relationship, and the brand supports them.",
  },
  FEDERATED_NETWORK: {
    label: "Federated network",
    explanation: "Several firms of equal power pool their competencies and compete as one network.",
  },
};

export const INTEGRATION_SCOPE_OPTIONS: Record<(typeof INTEGRATION_SCOPES)[number], Explained> = {
  VERTICALLY_INTEGRATED: {
    label: "Vertically integrated",
    explanation: "The brand performs every value-creating function itself.",
  },
  THIRD_PARTY_DELEGATED: {
    label: "Third-party delegated",
    explanation: "Partners identify and deliver most of the experience.",
  },
  COMPOSITE: {
    label: "Composite",
    explanation: "The brand keeps the most critical functions; partners do the rest.",
  },
};

export const VALUE_PROPOSITIONS = [
  "INTENSITY_OF_EXPERIENCE",
  "WORLD_CLASS_SERVICE",
  "CONVENIENT_SOLUTIONS",
  "CUSTOMIZATION",
] as const;
export type ValuePropositionKey = (typeof VALUE_PROPOSITIONS)[number];

export const VALUE_PROPOSITION_LABELS: Record<ValuePropositionKey, string> = {
  INTENSITY_OF_EXPERIENCE: "Intensity of experience",
  WORLD_CLASS_SERVICE: "World-class service",
  CONVENIENT_SOLUTIONS: "Convenient solutions",
  CUSTOMIZATION: "Customization",
};

export const RACI_ROLES = ["RESPONSIBLE", "ACCOUNTABLE", "CONSULTED", "INFORMED"] as const;
export type RaciRoleKey = (typeof RACI_ROLES)[number];

export const RACI_LABELS: Record<RaciRoleKey, Explained> = {
  RESPONSIBLE: { label: "Responsible", explanation: "does the work at this touchpoint" },
  ACCOUNTABLE: { label: "Accountable", explanation: "answers for the result: exactly one party" },
  CONSULTED: { label: "Consulted", explanation: "is asked before decisions about it" },
  INFORMED: { label: "Informed", explanation: "is kept up to date" },
};

/** The brand itself as a RACI party (stored as a role with no partner). */
export const BRAND = "brand";

const partyField = z
  .string({ error: "Choose the brand or a partner" })
  .trim()
  .min(1, { error: "Choose the brand or a partner" })
  .max(64, { error: "Choose the brand or a partner" });

/** A touchpoint's value proposition and RACI, replaced as one set. */
export const channelRolesSchema = z
  .object({
    valueProposition: z.enum(VALUE_PROPOSITIONS, { error: "Choose the value proposition this touchpoint serves" }),
    roles: z
      .array(z.object({ role: z.enum(RACI_ROLES, { error: "Choose a RACI role" }), party: partyField }), {
        error: "Give the touchpoint's roles",
      })
      .max(200, { error: "At most 200 role assignments" }),
  })
  .superRefine((value, ctx) => {
    const accountable = value.roles.filter((r) => r.role === "ACCOUNTABLE").length;
    if (accountable !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["roles"],
        message:
          accountable === 0
            ? "Choose exactly one accountable party (the brand or a partner)"
            : `Exactly one party can be accountable (${accountable} were chosen)`,
      });
    const seen = new Set<string>();
    for (const r of value.roles) {
      const key = `${r.role}:${r.party}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["roles"], message: "The same party is listed twice in one role" });
        break;
      }
      seen.add(key);
    }
  });
export type ChannelRolesInput = z.output<typeof channelRolesSchema>;

/**
 * Replaces the touchpoint's value proposition and RACI. Every partner named must be the workspace's
 * (an unknown or foreign id answers "not found", nothing is written) and not offboarded.
 */
export async function setTouchpointChannelRoles(
  db: Db,
  tenantId: string,
  touchpointId: string,
  input: ChannelRolesInput,
) {
  const touchpoint = await requireTouchpoint(db, tenantId, touchpointId);
  const partnerIds = [...new Set(input.roles.map((r) => r.party).filter((p) => p !== BRAND))];
  const partners = await db.partner.findMany({
    where: { tenantId, id: { in: partnerIds } },
    select: { id: true, name: true, status: true },
  });
  if (partners.length !== partnerIds.length) throw new DomainError("That partner was not found.", "not-found");
  const offboarded = partners.find((p) => p.status === "OFFBOARDED");
  if (offboarded)
    throw new DomainError(`${offboarded.name} is offboarded and cannot take a role at a touchpoint.`, "invalid");
  await db.touchpoint.updateMany({
    where: { tenantId, id: touchpointId },
    data: { valueProposition: input.valueProposition },
  });
  await db.touchpointRole.deleteMany({ where: { tenantId, touchpointId } });
  await db.touchpointRole.createMany({
    data: input.roles.map((r) => ({
      tenantId,
      touchpointId,
      role: r.role,
      partnerId: r.party === BRAND ? null : r.party,
    })),
  });
  return { touchpoint, roles: input.roles.length };
}

// ------------------------------------------------------------------ gaps

export type GapTouchpoint = {
  id: string;
  name: string;
  isMomentOfTruth: boolean;
  valueProposition: ValuePropositionKey | null;
  /** Current standards of the touchpoint. */
  standards: number;
  roles: { role: RaciRoleKey }[];
};

export type JourneyGaps = {
  /** Touchpoints where nobody is accountable. */
  noAccountable: { id: string; name: string }[];
  /** Value propositions no touchpoint serves. */
  unservedPropositions: ValuePropositionKey[];
  /** Moments of truth with no current experience standard. */
  momentsWithoutStandard: { id: string; name: string }[];
  total: number;
};

/** The journey map's gaps, from the touchpoints with their roles, value proposition and standard count. */
export function journeyGaps(touchpoints: readonly GapTouchpoint[]): JourneyGaps {
  const noAccountable = touchpoints
    .filter((t) => !t.roles.some((r) => r.role === "ACCOUNTABLE"))
    .map(({ id, name }) => ({ id, name }));
  const served = new Set(touchpoints.map((t) => t.valueProposition).filter((v) => v !== null));
  const unservedPropositions = VALUE_PROPOSITIONS.filter((v) => !served.has(v));
  const momentsWithoutStandard = touchpoints
    .filter((t) => t.isMomentOfTruth && t.standards === 0)
    .map(({ id, name }) => ({ id, name }));
  return {
    noAccountable,
    unservedPropositions,
    momentsWithoutStandard,
    total: noAccountable.length + unservedPropositions.length + momentsWithoutStandard.length,
  };
}

/** A touchpoint's own gap markers (the board shows them as text, not colour alone). */
export function touchpointGapLabels(t: GapTouchpoint): string[] {
  const labels: string[] = [];
  if (!t.roles.some((r) => r.role === "ACCOUNTABLE")) labels.push("No accountable party");
  if (t.isMomentOfTruth && t.standards === 0) labels.push("Moment of truth without a standard");
  if (!t.valueProposition) labels.push("No value proposition");
  return labels;
}
