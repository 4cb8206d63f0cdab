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
  /** Months of the BG/NBD "expected purchases" figure (the CLV itself is lifetime: tenant-models ClvBasis). */
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
  /** Days after an incident (or a good interaction) in which the Defection page looks for a new purchase. */
  defectionWindowDays: z
    .number({ error: "The defection window must be a number of days" })
    .int("The defection window must be a whole number of days")
    .min(30, "The defection window must be at least 30 days")
    .max(730, "The defection window can be at most 730 days")
    .default(180),
  /** Which churn probabilities equity at risk uses: the survey figures above, or the rates measured on the Defection page. */
  churnBasis: z
    .enum(["SURVEY", "MEASURED"], { error: "Choose the survey figures or the measured rates" })
    .default("SURVEY"),
  /** The measured rates the steward chose (null for a segment with too little data: its survey figure is used). */
  measuredChurn: z
    .object({
      B2B: probability("Measured B2B defection").nullable(),
      B2C: probability("Measured B2C defection").nullable(),
      measuredAt: z.string({ error: "The measurement date is missing" }),
    })
    .nullable()
    .default(null),
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

/** The churn probabilities equity at risk uses, and the words that name their basis next to every figure. */
export function effectiveChurn(value: ValueSettings): {
  B2B: number;
  B2C: number;
  basis: "SURVEY" | "MEASURED";
  label: string;
} {
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  const measured = value.churnBasis === "MEASURED" ? value.measuredChurn : null;
  if (!measured) {
    const { B2B, B2C } = value.churnProbability;
    return {
      B2B,
      B2C,
      basis: "SURVEY",
      label: `survey figures (${pct(B2B)} B2B, ${pct(B2C)} B2C leave after a bad experience)`,
    };
  }
  const B2B = measured.B2B ?? value.churnProbability.B2B;
  const B2C = measured.B2C ?? value.churnProbability.B2C;
  const part = (segment: "B2B" | "B2C", v: number) =>
    `${pct(v)} ${segment}${measured[segment] === null ? " (survey: too little data)" : ""}`;
  return {
    B2B,
    B2C,
    basis: "MEASURED",
    label: `defection measured from your customers on ${measured.measuredAt.slice(0, 10)} (${part("B2B", B2B)}, ${part("B2C", B2C)})`,
  };
}

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** How the brand reaches its customers (DESIGN.md, channel design); explained in lib/touchpoints/channel-design.ts. */
export const CHANNEL_DESIGNS = ["TRANSACTIONAL", "LIMITED", "FEDERATED_NETWORK"] as const;
/** How much of the experience the brand performs itself. */
export const INTEGRATION_SCOPES = ["VERTICALLY_INTEGRATED", "THIRD_PARTY_DELEGATED", "COMPOSITE"] as const;

/** The workspace's channel design and scope of integration (null until the steward records them). */
export const channelSettingsSchema = z.object({
  design: z
    .enum(CHANNEL_DESIGNS, { error: "Choose transactional, limited or federated network" })
    .nullable()
    .default(null),
  scope: z
    .enum(INTEGRATION_SCOPES, { error: "Choose vertically integrated, third-party delegated or composite" })
    .nullable()
    .default(null),
});

export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

/** The longest a survey link may live, so also the oldest interaction a survey is made for. */
export const MAX_SURVEY_AGE_DAYS = 90;

/** Customer feedback surveys (issue 19): how often a customer is asked about one touchpoint, how long a link lives. */
export const feedbackSettingsSchema = z.object({
  /** At most one open survey per customer and touchpoint within this many days. */
  surveyEveryDays: z
    .number({ error: "Days between surveys must be a number" })
    .int("Days between surveys must be a whole number")
    .min(1, "Ask a customer about a touchpoint at most once a day")
    .max(365, "Days between surveys can be at most 365")
    .default(30),
  /** A survey link expires this many days after it was made. */
  linkValidDays: z
    .number({ error: "Link lifetime must be a number of days" })
    .int("Link lifetime must be a whole number of days")
    .min(1, "A survey link must stay valid at least 1 day")
    .max(MAX_SURVEY_AGE_DAYS, `A survey link can stay valid at most ${MAX_SURVEY_AGE_DAYS} days`)
    .default(14),
});

export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;

export const tenantSettingsSchema = z.object({
  value: valueSettingsSchema.default(valueSettingsSchema.parse({})),
  workspace: workspaceSettingsSchema.default(workspaceSettingsSchema.parse({})),
  channel: channelSettingsSchema.default(channelSettingsSchema.parse({})),
  feedback: feedbackSettingsSchema.default(feedbackSettingsSchema.parse({})),
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
  const channel = channelSettingsSchema.safeParse(object.channel ?? {});
  const feedback = feedbackSettingsSchema.safeParse(object.feedback ?? {});
  const incentives = incentiveRulesSchema.safeParse(object.incentives ?? {});
  return {
    ...DEFAULT_SETTINGS,
    value: value.success ? value.data : DEFAULT_SETTINGS.value,
    workspace: workspace.success ? workspace.data : DEFAULT_SETTINGS.workspace,
    channel: channel.success ? channel.data : DEFAULT_SETTINGS.channel,
    feedback: feedback.success ? feedback.data : DEFAULT_SETTINGS.feedback,
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
