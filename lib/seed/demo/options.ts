/** The demo's options (resolved once), its scales and the small date and number helpers the planners share. */
import type { PartnerStatus } from "@/generated/prisma/client";

export type DemoScale = "full" | "small";

export type SeedDemoOptions = {
  /** Default 42. */
  seed?: number;
  /** Default "northwind". The tenant id is `demo-<slug>`, e-mails end in `@<slug>.test`. */
  slug?: string;
  /** Default "full". */
  scale?: DemoScale;
  /** The seed's "now". Default: the first day of the current month (UTC). */
  asOf?: Date;
  /** Brand name. Default: "Northwind Home" for northwind, "Contoso Living" for contoso, else from the slug. */
  name?: string;
  /** Password of every demo user. Default DEMO_PASSWORD. */
  password?: string;
  /** Progress messages (phase timings). */
  onProgress?: (message: string) => void;
};

type DemoLogin = { email: string; password: string };
export type DemoLogins = {
  owner: DemoLogin;
  steward: DemoLogin;
  analyst: DemoLogin;
  /** The PARTNER_ADMIN of a good-sized ACTIVE delivery partner (Swift Couriers at full scale). */
  partner: DemoLogin & { partnerName: string };
};

export type DemoCounts = {
  users: number;
  memberships: number;
  partners: number;
  partnerContacts: number;
  alignmentQuestions: number;
  alignmentAnswers: number;
  touchpoints: number;
  touchpointPartners: number;
  standards: number;
  acknowledgements: number;
  assessments: number;
  slaPolicies: number;
  customers: number;
  transactions: number;
  interactions: number;
  incidents: number;
  incidentEvents: number;
  escalations: number;
  surveyResponses: number;
};

const DEMO_PASSWORD = "steward-demo-2026";
export const DEFAULT_DEMO_SLUG = "northwind";

/** The fixed id of a demo tenant. */
export function demoTenantId(slug: string = DEFAULT_DEMO_SLUG): string {
  return `demo-${slug}`;
}

/** The first day of the month of `date`, 00:00 UTC: the default `asOf`. */
function defaultAsOf(date: Date = new Date()): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export type Resolved = {
  seed: number;
  slug: string;
  tenantId: string;
  scale: DemoScale;
  asOf: Date;
  name: string;
  password: string;
  domain: string;
  prefix: string;
};

const BRANDS: Record<string, string> = { northwind: "Northwind Home", contoso: "Contoso Living" };

export function resolveOptions(options: SeedDemoOptions): Resolved {
  const slug = (options.slug ?? DEFAULT_DEMO_SLUG).trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(slug)) throw new Error(`Invalid demo slug "${slug}"`);
  const scale = options.scale ?? "full";
  if (scale !== "full" && scale !== "small") throw new Error(`Unknown demo scale "${String(scale)}"`);
  const name =
    options.name ?? BRANDS[slug] ?? `${slug.charAt(0).toUpperCase()}${slug.slice(1).replace(/-/g, " ")} Home`;
  return {
    seed: options.seed ?? 42,
    slug,
    tenantId: demoTenantId(slug),
    scale,
    asOf: options.asOf ? new Date(options.asOf.getTime()) : defaultAsOf(),
    name,
    password: options.password ?? DEMO_PASSWORD,
    domain: `${slug}.test`,
    prefix:
      slug
        .replace(/[^a-z]/g, "")
        .slice(0, 2)
        .toUpperCase() || "DM",
  };
}

export const SIZES = {
  full: { customers: 3000, interactions: 60_000, incidents: 300, assessmentMonths: 6, agents: 8 },
  small: { customers: 100, interactions: 500, incidents: 20, assessmentMonths: 2, agents: 5 },
} as const;

export const DAY = 86_400_000;
export const MINUTE = 60_000;
export const BATCH = 5000;

export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * MINUTE);
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
export const addMonths = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()));
export const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const money = (x: number) => Math.max(0, x).toFixed(2);
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Partners that serve customers (their operating span), and those still under contract. */
export const OPERATING: readonly PartnerStatus[] = ["ACTIVE", "PROBATION", "OFFBOARDED"];
export const CURRENT: readonly PartnerStatus[] = ["ACTIVE", "PROBATION"];
