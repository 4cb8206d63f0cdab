/**
 * Tenant settings (Tenant.settings json), validated with zod. One object with a section per
 * capability; every section has its own defaults so a tenant with `{}` (or with keys another
 * version wrote) still reads as a complete, valid configuration. Other capabilities add their
 * section to `tenantSettingsSchema` below.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DEFAULT_INCENTIVE_RULES, incentiveRulesSchema } from "@/lib/incentives/rules";

const probability = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(0, `${label} must be between 0 and 1`)
    .max(1, `${label} must be between 0 and 1`);

/** Customer value: which CLV model, its horizon and discount rate, and churn after a bad experience. */
export const valueSettingsSchema = z.object({
  /** RETENTION for contractual businesses (CLV = m·r/(1+d−r)); BG_NBD (+ Gamma-Gamma) for non-contractual ones. */
  model: z.enum(["RETENTION", "BG_NBD"], { error: "Choose the retention model or BG/NBD" }).default("BG_NBD"),
  /** BG/NBD horizon of the CLV, in months. */
  horizonMonths: z
    .number({ error: "Horizon must be a number of months" })
    .int("Horizon must be a whole number of months")
    .min(1, "Horizon must be at least 1 month")
    .max(120, "Horizon can be at most 120 months")
    .default(36),
  /** Annual discount rate, e.g. 0.1 for 10 % a year. */
  annualDiscountRate: z
    .number({ error: "Discount rate must be a number" })
    .min(0, "Discount rate must be between 0 and 1 (0 % to 100 % a year)")
    .max(1, "Discount rate must be between 0 and 1 (0 % to 100 % a year)")
    .default(0.1),
  /** Probability that a customer of this segment stops buying after one bad experience. */
  churnProbability: z
    .object({
      B2B: probability("B2B churn probability").default(0.66),
      B2C: probability("B2C churn probability").default(0.52),
    })
    .default({ B2B: 0.66, B2C: 0.52 }),
});

export type ValueSettings = z.infer<typeof valueSettingsSchema>;

/** The currencies money can be shown in (ISO 4217 codes). */
export const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "CHF",
  "JPY",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "INR",
  "BRL",
  "MXN",
] as const;
export const REPORT_PAGE_SIZES = ["A4", "LETTER"] as const;
export type ReportPageSize = (typeof REPORT_PAGE_SIZES)[number];

/** How the workspace shows money and prints reports. */
export const workspaceSettingsSchema = z.object({
  /** Every amount (CLV, equity, equity at risk, incident costs) is shown in this currency. */
  currency: z.enum(CURRENCIES, { error: "Choose a currency from the list" }).default("USD"),
  /** The paper size of the scorecard PDF. */
  reportPageSize: z.enum(REPORT_PAGE_SIZES, { error: "Choose A4 or Letter" }).default("A4"),
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const tenantSettingsSchema = z.object({
  value: valueSettingsSchema.default(valueSettingsSchema.parse({})),
  workspace: workspaceSettingsSchema.default(workspaceSettingsSchema.parse({})),
  /** Incentive tiers, hysteresis, bonus pool and floor (lib/incentives/rules.ts). */
  incentives: incentiveRulesSchema.default(DEFAULT_INCENTIVE_RULES),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const DEFAULT_SETTINGS: TenantSettings = tenantSettingsSchema.parse({});

/**
 * Reads stored settings leniently: a section that does not validate (an older or hand-edited
 * value) falls back to its defaults instead of breaking every page of the tenant.
 */
export function parseTenantSettings(raw: unknown): TenantSettings {
  const object = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const whole = tenantSettingsSchema.safeParse(object);
  if (whole.success) return whole.data;
  const value = valueSettingsSchema.safeParse(object.value ?? {});
  const workspace = workspaceSettingsSchema.safeParse(object.workspace ?? {});
  const incentives = incentiveRulesSchema.safeParse(object.incentives ?? {});
  return {
    ...DEFAULT_SETTINGS,
    value: value.success ? value.data : DEFAULT_SETTINGS.value,
    workspace: workspace.success ? workspace.data : DEFAULT_SETTINGS.workspace,
    incentives: incentives.success ? incentives.data : DEFAULT_SETTINGS.incentives,
  };
}

export async function getTenantSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return parseTenantSettings(tenant?.settings);
}

/** Replaces one section, keeping the other sections (and keys this version does not know) as stored. */
export async function updateTenantSettings<K extends keyof TenantSettings>(
  db: Db,
  tenantId: string,
  section: K,
  value: TenantSettings[K],
): Promise<TenantSettings> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  const stored =
    tenant?.settings && typeof tenant.settings === "object" && !Array.isArray(tenant.settings)
      ? (tenant.settings as Record<string, unknown>)
      : {};
  const next = { ...stored, [section]: value };
  await db.tenant.update({ where: { id: tenantId }, data: { settings: next as object } });
  return parseTenantSettings(next);
}
