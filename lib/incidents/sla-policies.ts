import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { Severity } from "@/generated/prisma/enums";
import { DomainError } from "@/lib/errors";
import { DEFAULT_SLA } from "@/lib/seed/factories";
import {
  DEFAULT_BUSINESS_DAYS,
  DEFAULT_BUSINESS_END,
  DEFAULT_BUSINESS_START,
  validateCalendar,
  type BusinessCalendar,
} from "@/lib/incidents/business-hours";
import type { SlaPolicyRule } from "@/lib/incidents/sla-clock";

// SLA policies per tenant and severity, their escalation ladder, and the tenant's business-hours
// calendar (Tenant.timezone + Tenant.settings.businessHours).

import { SEVERITIES } from "@/lib/incidents/labels";
export { SEVERITIES };

/** Who a ladder rung notifies: a role (PARTNER = the incident's partner users) or one membership. */
export const LADDER_ROLES = ["PARTNER", "STEWARD", "OWNER"] as const;
export const rungSchema = z.object({
  level: z.number().int().min(1).max(3),
  role: z.enum(LADDER_ROLES).optional(),
  membershipId: z.string().min(1).max(64).optional(),
});
export type LadderRung = z.infer<typeof rungSchema>;
export const ladderSchema = z.array(rungSchema);

export const DEFAULT_LADDER: LadderRung[] = [
  { level: 1, role: "PARTNER" },
  { level: 2, role: "STEWARD" },
  { level: 3, role: "OWNER" },
];

export function parseLadder(json: unknown): LadderRung[] {
  const parsed = ladderSchema.safeParse(json);
  return parsed.success && parsed.data.length > 0 ? parsed.data : DEFAULT_LADDER;
}

export type SlaContext = { policy: SlaPolicyRule; ladder: LadderRung[]; calendar: BusinessCalendar };

const businessHoursSettings = z.object({
  days: z.array(z.number().int().min(1).max(7)).optional(),
  start: z.string().optional(),
  end: z.string().optional(),
});

/** The tenant's business-hours calendar (default Mon–Fri 09:00–17:00 in the tenant's time zone). */
export function calendarFromTenant(tenant: { timezone: string; settings: unknown }): BusinessCalendar {
  const raw = (tenant.settings as Record<string, unknown> | null)?.businessHours;
  const parsed = businessHoursSettings.safeParse(raw ?? {});
  const bh = parsed.success ? parsed.data : {};
  const calendar: BusinessCalendar = {
    timezone: tenant.timezone || "UTC",
    days: bh.days ?? DEFAULT_BUSINESS_DAYS,
    start: bh.start ?? DEFAULT_BUSINESS_START,
    end: bh.end ?? DEFAULT_BUSINESS_END,
  };
  return validateCalendar(calendar) ? { timezone: "UTC" } : calendar;
}

export async function tenantCalendar(db: Db, tenantId: string): Promise<BusinessCalendar> {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId }, select: { timezone: true, settings: true } });
  return calendarFromTenant(tenant ?? { timezone: "UTC", settings: {} });
}

/** The SLA rule, ladder and calendar for one severity (DEFAULT_SLA, 24/7, when the tenant has no policy). */
export async function slaContextFor(db: Db, tenantId: string, severity: Severity): Promise<SlaContext> {
  const policy = await db.slaPolicy.findFirst({ where: { tenantId, severity } });
  const calendar = await tenantCalendar(db, tenantId);
  return {
    policy: policy
      ? {
          ackMinutes: policy.ackMinutes,
          resolveMinutes: policy.resolveMinutes,
          businessHoursOnly: policy.businessHoursOnly,
        }
      : { ...DEFAULT_SLA[severity], businessHoursOnly: false },
    ladder: parseLadder(policy?.ladder),
    calendar,
  };
}

export type SlaPolicyRow = {
  severity: Severity;
  ackMinutes: number;
  resolveMinutes: number;
  businessHoursOnly: boolean;
  ladder: LadderRung[];
};

/** One row per severity, CRITICAL → LOW, defaults filled in for a severity without a policy. */
export async function listSlaPolicies(db: Db, tenantId: string): Promise<SlaPolicyRow[]> {
  const rows = await db.slaPolicy.findMany({ where: { tenantId } });
  return SEVERITIES.map((severity) => {
    const row = rows.find((r) => r.severity === severity);
    return row
      ? {
          severity,
          ackMinutes: row.ackMinutes,
          resolveMinutes: row.resolveMinutes,
          businessHoursOnly: row.businessHoursOnly,
          ladder: parseLadder(row.ladder),
        }
      : { severity, ...DEFAULT_SLA[severity], businessHoursOnly: false, ladder: DEFAULT_LADDER };
  });
}

const minutes = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} in minutes` })
    .int(`The ${what} must be a whole number of minutes`)
    .min(1, `The ${what} must be at least 1 minute`)
    .max(525_600, `The ${what} cannot exceed a year`);

export const slaPolicySchema = z
  .object({
    severity: z.enum(SEVERITIES),
    ackMinutes: minutes("time to acknowledge"),
    resolveMinutes: minutes("time to resolve"),
    businessHoursOnly: z.boolean(),
    level2MembershipId: z.string().max(64).optional(),
    level3MembershipId: z.string().max(64).optional(),
  })
  .refine((v) => v.resolveMinutes >= v.ackMinutes, {
    path: ["resolveMinutes"],
    message: "The time to resolve cannot be shorter than the time to acknowledge",
  });
export type SlaPolicyInput = z.infer<typeof slaPolicySchema>;

/** Saves one severity's policy. Levels 2 and 3 name a steward membership, or (empty) a role: STEWARD, then OWNER. */
export async function saveSlaPolicy(db: Db, tenantId: string, input: SlaPolicyInput) {
  const chosen = [input.level2MembershipId, input.level3MembershipId].filter((id): id is string => !!id);
  if (chosen.length > 0) {
    const found = await db.membership.count({
      where: { tenantId, id: { in: chosen }, role: { in: ["OWNER", "STEWARD"] } },
    });
    if (found !== new Set(chosen).size)
      throw new DomainError("Choose owners or stewards of this workspace for the ladder.", "not-found");
  }
  const ladder: LadderRung[] = [
    { level: 1, role: "PARTNER" },
    input.level2MembershipId ? { level: 2, membershipId: input.level2MembershipId } : { level: 2, role: "STEWARD" },
    input.level3MembershipId ? { level: 3, membershipId: input.level3MembershipId } : { level: 3, role: "OWNER" },
  ];
  const data = {
    ackMinutes: input.ackMinutes,
    resolveMinutes: input.resolveMinutes,
    businessHoursOnly: input.businessHoursOnly,
    ladder,
  };
  return db.slaPolicy.upsert({
    where: { tenantId_severity: { tenantId, severity: input.severity } },
    create: { tenantId, severity: input.severity, ...data },
    update: data,
  });
}

export const businessHoursSchema = z
  .object({
    timezone: z.string().min(1, "Choose a time zone").max(64),
    days: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Choose at least one working day"),
    start: z.string().regex(/^\d{2}:\d{2}$/, "Use HH:MM, e.g. 09:00"),
    end: z.string().regex(/^\d{2}:\d{2}$/, "Use HH:MM, e.g. 17:00"),
  })
  .superRefine((v, ctx) => {
    const error = validateCalendar(v);
    if (error) ctx.addIssue({ code: "custom", path: error.includes("zone") ? ["timezone"] : ["end"], message: error });
  });
export type BusinessHoursInput = z.infer<typeof businessHoursSchema>;

export async function saveBusinessHours(db: Db, tenantId: string, input: BusinessHoursInput) {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId }, select: { settings: true } });
  if (!tenant) throw new DomainError("Workspace not found.", "not-found");
  const settings = {
    ...((tenant.settings as Record<string, unknown>) ?? {}),
    businessHours: { days: [...new Set(input.days)].sort(), start: input.start, end: input.end },
  };
  await db.tenant.update({ where: { id: tenantId }, data: { timezone: input.timezone, settings } });
}
