/**
 * A realistic demo tenant, made deterministically from a seed:
 *
 *   await seedDemoTenant();                                           // "Northwind Home", full scale
 *   await seedDemoTenant({ slug: "contoso", scale: "small", seed: 7 }); // a second, small tenant
 *
 * Northwind Home is a home-appliance retailer whose customer journey runs through delivery,
 * installation, reseller, retail, service, host and curbside partners. Full scale: 40 partners,
 * 12 touchpoints, 25 experience standards, ~60,000 interactions over 12 months, ~3,000 customers
 * with ~15,000 purchases (heterogeneous purchase rates and dropout, as BG/NBD assumes), ~300
 * incidents in every severity and status, values-alignment answers, partner surveys and users.
 * `scale: "small"` is a tiny version for tests (6 partners, 4 touchpoints, 6 standards, ~500
 * interactions, 100 customers, 20 incidents covering every status and severity).
 *
 * Everything is relative to `asOf` (default: the first day of the current month, UTC), so a given
 * (seed, slug, scale, asOf) always writes the same rows with the same ids. Pass `asOf: new Date()`
 * for a demo whose open incidents are fresh right now.
 *
 * The tenant id is `demo-<slug>`; users are global and are reused when they already exist.
 * Every tenant row is written in one transaction: a failed seed leaves no half tenant.
 */

import type {
  IncidentStatus,
  PartnerStatus,
  PartnerTier,
  PartnerType,
  Prisma,
  Severity,
  Tenant,
  Channel,
} from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { computeAlignment } from "@/lib/partners/alignment";
import { isMet } from "@/lib/standards/evaluate";
import { escalationsDue, ESCALATION_LEVEL_LABELS, type EscalationLevel } from "@/lib/incidents/escalation-rules";
import { createRng, type Rng } from "./random";
import {
  DEFAULT_SLA,
  INCIDENT_STATUSES,
  SEVERITIES,
  cachedPasswordHash,
  createSlaPolicies,
  planIncident,
  type IncidentPlan,
} from "./factories";

// ---------------------------------------------------------------- public API

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

type DemoCounts = {
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

export type DemoSeedResult = { tenant: Tenant; logins: DemoLogins; counts: DemoCounts; asOf: Date };

const DEMO_PASSWORD = "steward-demo-2026";
const DEFAULT_DEMO_SLUG = "northwind";

/** The fixed id of a demo tenant. */
export function demoTenantId(slug: string = DEFAULT_DEMO_SLUG): string {
  return `demo-${slug}`;
}

/** The first day of the month of `date`, 00:00 UTC: the default `asOf`. */
function defaultAsOf(date: Date = new Date()): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** Whether the demo tenant for `slug` exists (checked inside its own tenant context, as RLS requires). */
export async function demoTenantExists(slug: string = DEFAULT_DEMO_SLUG): Promise<boolean> {
  const id = demoTenantId(slug);
  const tenant = await withTenant({ tenantId: id }, (db) =>
    db.tenant.findUnique({ where: { id }, select: { id: true } }),
  );
  return tenant !== null;
}

/** True when the database has no user at all and no northwind demo tenant: a fresh install to seed. */
export async function isDatabaseEmpty(): Promise<boolean> {
  if ((await prisma().user.count()) > 0) return false;
  return !(await demoTenantExists(DEFAULT_DEMO_SLUG));
}

/** The logins `seedDemoTenant(options)` creates (or created), without touching the database. */
export function demoLogins(options: SeedDemoOptions = {}): DemoLogins {
  return planBase(resolveOptions(options)).logins;
}

/**
 * Seeds the demo tenant. Throws when the tenant `demo-<slug>` already exists (check with
 * `demoTenantExists`). Returns the tenant, the demo logins and the row counts written.
 */
export async function seedDemoTenant(options: SeedDemoOptions = {}): Promise<DemoSeedResult> {
  const opts = resolveOptions(options);
  const progress = options.onProgress ?? (() => undefined);
  const started = Date.now();
  const lap = (what: string) => progress(`${opts.slug}: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  if (await demoTenantExists(opts.slug))
    throw new Error(`The demo tenant "${opts.slug}" (${opts.tenantId}) already exists`);
  const base = planBase(opts);

  // Users are global: created (or reused) before the tenant transaction.
  const passwordHash = await cachedPasswordHash(opts.password);
  const userIds = new Map<string, string>();
  for (const u of base.users) {
    const user = await prisma().user.upsert({
      where: { email: u.email },
      create: { email: u.email, name: u.name, passwordHash },
      update: {},
      select: { id: true },
    });
    userIds.set(u.email, user.id);
  }
  lap(`${base.users.length} users`);

  const plan = planRows(opts, base, userIds);
  lap("planned");

  const tenant = await withTenant(
    { tenantId: opts.tenantId },
    async (db) => {
      const tenant = await db.tenant.create({
        data: { id: opts.tenantId, slug: opts.slug, name: opts.name, timezone: "UTC", createdAt: plan.tenantCreatedAt },
      });
      await writePlan(db, opts.tenantId, plan, lap);
      return tenant;
    },
    { timeoutMs: 15 * 60_000 },
  );
  lap("done");
  return { tenant, logins: base.logins, counts: plan.counts, asOf: opts.asOf };
}

// ---------------------------------------------------------------- options and constants

type Resolved = {
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

function resolveOptions(options: SeedDemoOptions): Resolved {
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

const SIZES = {
  full: { customers: 3000, interactions: 60_000, incidents: 300, assessmentMonths: 6, agents: 8 },
  small: { customers: 100, interactions: 500, incidents: 20, assessmentMonths: 2, agents: 5 },
} as const;

const DAY = 86_400_000;
const MINUTE = 60_000;
const BATCH = 5000;

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * MINUTE);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const addMonths = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()));
const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const money = (x: number) => Math.max(0, x).toFixed(2);
const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// ---------------------------------------------------------------- catalogue

type PartnerSpec = {
  name: string;
  type: PartnerType;
  status: PartnerStatus;
  tier: PartnerTier;
  region: string;
  /** Relative volume. */
  size: number;
  /** Share of interactions that go well, before noise (0–1). Drawn when absent. */
  quality?: number;
  /** Quality change per year. Drawn when absent. */
  trend?: number;
  /** Months since the contract started (operating partners). Drawn when absent. */
  startedMonthsAgo?: number;
};

const PARTNER_CATALOGUE: PartnerSpec[] = [
  {
    name: "Swift Couriers",
    type: "DELIVERY",
    status: "ACTIVE",
    tier: "GOLD",
    region: "National",
    size: 3.0,
    quality: 0.93,
    trend: 0.02,
  },
  { name: "Harbor Freight Lines", type: "DELIVERY", status: "ACTIVE", tier: "SILVER", region: "Northeast", size: 1.6 },
  {
    name: "Metro Last Mile",
    type: "DELIVERY",
    status: "ACTIVE",
    tier: "PLATINUM",
    region: "West Coast",
    size: 2.2,
    quality: 0.95,
  },
  { name: "Bluebird Logistics", type: "DELIVERY", status: "ACTIVE", tier: "SILVER", region: "Southeast", size: 1.4 },
  {
    name: "Northline Transport",
    type: "DELIVERY",
    status: "ACTIVE",
    tier: "REGISTERED",
    region: "Midwest",
    size: 1.0,
    quality: 0.8,
    trend: -0.04,
  },
  {
    name: "Red Kite Delivery",
    type: "DELIVERY",
    status: "PROBATION",
    tier: "SILVER",
    region: "Southwest",
    size: 1.5,
    quality: 0.68,
    trend: -0.05,
  },
  {
    name: "Cedar Express",
    type: "DELIVERY",
    status: "OFFBOARDED",
    tier: "REGISTERED",
    region: "Midwest",
    size: 0.8,
    quality: 0.62,
  },
  { name: "Pioneer Haulage", type: "DELIVERY", status: "VETTING", tier: "REGISTERED", region: "Southwest", size: 1.0 },
  { name: "Fix-It Installers", type: "INSTALLER", status: "ACTIVE", tier: "GOLD", region: "Northeast", size: 1.6 },
  {
    name: "ProFit Appliance Install",
    type: "INSTALLER",
    status: "ACTIVE",
    tier: "PLATINUM",
    region: "National",
    size: 2.4,
    quality: 0.94,
  },
  { name: "Keystone Home Services", type: "INSTALLER", status: "ACTIVE", tier: "SILVER", region: "Midwest", size: 1.2 },
  { name: "Brightwire Electric", type: "INSTALLER", status: "ACTIVE", tier: "SILVER", region: "West Coast", size: 1.0 },
  {
    name: "Oakridge Fitters",
    type: "INSTALLER",
    status: "ACTIVE",
    tier: "REGISTERED",
    region: "Southeast",
    size: 0.8,
    startedMonthsAgo: 8,
    trend: 0.06,
  },
  {
    name: "Summit Installations",
    type: "INSTALLER",
    status: "PROBATION",
    tier: "REGISTERED",
    region: "Southwest",
    size: 1.0,
    quality: 0.7,
    trend: -0.03,
  },
  {
    name: "HomeSure Install",
    type: "INSTALLER",
    status: "PROSPECT",
    tier: "REGISTERED",
    region: "Northeast",
    size: 1.0,
  },
  {
    name: "ApplianceHub Online",
    type: "RESELLER",
    status: "ACTIVE",
    tier: "PLATINUM",
    region: "National",
    size: 3.0,
    quality: 0.91,
  },
  { name: "Kitchen Direct", type: "RESELLER", status: "ACTIVE", tier: "GOLD", region: "National", size: 2.0 },
  {
    name: "ValueMart Online",
    type: "RESELLER",
    status: "ACTIVE",
    tier: "SILVER",
    region: "National",
    size: 1.8,
    quality: 0.8,
  },
  {
    name: "Urban Living Supply",
    type: "RESELLER",
    status: "ACTIVE",
    tier: "SILVER",
    region: "West Coast",
    size: 1.0,
    startedMonthsAgo: 14,
  },
  { name: "Lakeside Appliances", type: "RESELLER", status: "ACTIVE", tier: "REGISTERED", region: "Midwest", size: 0.8 },
  { name: "Greenfield Trade Supply", type: "RESELLER", status: "ACTIVE", tier: "GOLD", region: "Northeast", size: 1.2 },
  {
    name: "Atlas Appliance Brokers",
    type: "RESELLER",
    status: "VETTING",
    tier: "REGISTERED",
    region: "Southeast",
    size: 1.0,
  },
  {
    name: "Hearth & Home Stores",
    type: "RETAILER",
    status: "ACTIVE",
    tier: "PLATINUM",
    region: "National",
    size: 2.6,
    quality: 0.92,
  },
  { name: "Cornerstone Retail", type: "RETAILER", status: "ACTIVE", tier: "GOLD", region: "Northeast", size: 1.5 },
  { name: "Maple Street Appliances", type: "RETAILER", status: "ACTIVE", tier: "SILVER", region: "Midwest", size: 1.0 },
  { name: "Coastal Home Center", type: "RETAILER", status: "ACTIVE", tier: "SILVER", region: "Southeast", size: 1.2 },
  {
    name: "Granite City Stores",
    type: "RETAILER",
    status: "ACTIVE",
    tier: "REGISTERED",
    region: "Southwest",
    size: 0.9,
  },
  {
    name: "Ironbridge Outlet",
    type: "RETAILER",
    status: "OFFBOARDED",
    tier: "REGISTERED",
    region: "Northeast",
    size: 0.8,
    quality: 0.66,
  },
  { name: "CareLine Support", type: "SERVICE", status: "ACTIVE", tier: "GOLD", region: "National", size: 2.0 },
  { name: "Reliance Repair Co.", type: "SERVICE", status: "ACTIVE", tier: "SILVER", region: "Midwest", size: 1.2 },
  { name: "AllFix Service Network", type: "SERVICE", status: "ACTIVE", tier: "SILVER", region: "National", size: 1.5 },
  {
    name: "Beacon Contact Centers",
    type: "SERVICE",
    status: "ACTIVE",
    tier: "REGISTERED",
    region: "Southeast",
    size: 1.3,
    quality: 0.8,
    trend: 0.07,
  },
  { name: "TrueCare Warranty", type: "SERVICE", status: "PROSPECT", tier: "REGISTERED", region: "National", size: 1.0 },
  { name: "Studio Kitchen Events", type: "HOST", status: "ACTIVE", tier: "GOLD", region: "West Coast", size: 1.0 },
  { name: "Gather Demo Spaces", type: "HOST", status: "ACTIVE", tier: "SILVER", region: "Northeast", size: 0.8 },
  { name: "Loft & Table Hosting", type: "HOST", status: "ACTIVE", tier: "REGISTERED", region: "Midwest", size: 0.6 },
  { name: "Tasting Room Co.", type: "HOST", status: "VETTING", tier: "REGISTERED", region: "Southeast", size: 1.0 },
  { name: "QuickCollect", type: "CURBSIDE", status: "ACTIVE", tier: "SILVER", region: "National", size: 1.2 },
  { name: "PickPoint Lockers", type: "CURBSIDE", status: "ACTIVE", tier: "REGISTERED", region: "Northeast", size: 0.8 },
  {
    name: "Kerbside Express",
    type: "CURBSIDE",
    status: "PROBATION",
    tier: "REGISTERED",
    region: "West Coast",
    size: 0.8,
    quality: 0.72,
    trend: -0.02,
  },
];

/** The partner slots of the small scale: type and status (names are drawn from the catalogue). */
const SMALL_SLOTS: { type: PartnerType; status: PartnerStatus; tier: PartnerTier; size: number; quality?: number }[] = [
  { type: "DELIVERY", status: "ACTIVE", tier: "GOLD", size: 2.5, quality: 0.92 },
  { type: "INSTALLER", status: "ACTIVE", tier: "SILVER", size: 1.2 },
  { type: "RESELLER", status: "ACTIVE", tier: "PLATINUM", size: 2.0 },
  { type: "RETAILER", status: "ACTIVE", tier: "SILVER", size: 1.2 },
  { type: "DELIVERY", status: "PROBATION", tier: "REGISTERED", size: 1.0, quality: 0.7 },
  { type: "SERVICE", status: "VETTING", tier: "REGISTERED", size: 1.0 },
];

type TouchpointSpec = {
  key: string;
  name: string;
  stage: string;
  channel: Channel;
  /** Partner types that can handle it; the first is the main one. */
  types: PartnerType[];
  volume: number;
  isMomentOfTruth?: boolean;
  weight?: number;
  description: string;
};

const TOUCHPOINTS: TouchpointSpec[] = [
  {
    key: "listing",
    name: "Marketplace listing",
    stage: "attract",
    channel: "ONLINE",
    types: ["RESELLER", "RETAILER"],
    volume: 1.1,
    description: "Our appliances as listed on partner web shops and marketplaces.",
  },
  {
    key: "display",
    name: "In-store display",
    stage: "attract",
    channel: "STORE",
    types: ["RETAILER", "HOST"],
    volume: 0.6,
    description: "Floor displays and working demo units in partner stores.",
  },
  {
    key: "popup",
    name: "Pop-up demo kitchen",
    stage: "attract",
    channel: "STORE",
    types: ["HOST"],
    volume: 0.3,
    description: "Cooking demos in hosted pop-up kitchens.",
  },
  {
    key: "advice",
    name: "Product advice line",
    stage: "connect",
    channel: "PHONE",
    types: ["SERVICE", "RESELLER"],
    volume: 0.8,
    description: "Phone advice before purchase: sizes, energy ratings, fit.",
  },
  {
    key: "consult",
    name: "Showroom consultation",
    stage: "connect",
    channel: "STORE",
    types: ["RETAILER", "HOST"],
    volume: 0.7,
    isMomentOfTruth: true,
    weight: 1.5,
    description: "A booked one-to-one kitchen or laundry consultation.",
  },
  {
    key: "chat",
    name: "Live chat",
    stage: "connect",
    channel: "ONLINE",
    types: ["SERVICE"],
    volume: 0.9,
    description: "Chat on the web shop, run by contact-centre partners.",
  },
  {
    key: "checkout",
    name: "Online checkout",
    stage: "convert",
    channel: "ONLINE",
    types: ["RESELLER", "RETAILER"],
    volume: 1.0,
    isMomentOfTruth: true,
    weight: 1.5,
    description: "Ordering and financing online.",
  },
  {
    key: "store",
    name: "In-store purchase",
    stage: "convert",
    channel: "STORE",
    types: ["RETAILER"],
    volume: 0.6,
    description: "Buying at a partner store's till.",
  },
  {
    key: "curbside",
    name: "Curbside pickup",
    stage: "convert",
    channel: "FIELD",
    types: ["CURBSIDE", "RETAILER"],
    volume: 0.4,
    description: "Collecting small appliances at the curb or a locker.",
  },
  {
    key: "delivery",
    name: "Home delivery",
    stage: "engage",
    channel: "FIELD",
    types: ["DELIVERY"],
    volume: 1.6,
    isMomentOfTruth: true,
    weight: 2,
    description: "Two-person delivery into the home, with haul-away of the old appliance.",
  },
  {
    key: "install",
    name: "Installation",
    stage: "engage",
    channel: "FIELD",
    types: ["INSTALLER"],
    volume: 0.9,
    isMomentOfTruth: true,
    weight: 2,
    description: "Connecting, levelling and testing the appliance; showing the customer how to use it.",
  },
  {
    key: "repair",
    name: "Repair & warranty service",
    stage: "engage",
    channel: "FIELD",
    types: ["SERVICE", "INSTALLER"],
    volume: 0.6,
    isMomentOfTruth: true,
    weight: 1.5,
    description: "Warranty repairs and service visits.",
  },
];

const SMALL_TOUCHPOINTS = ["consult", "checkout", "delivery", "install"];

type StandardSpec = {
  touchpoint: string;
  name: string;
  metricKind: "PERCENTAGE" | "RATING" | "DURATION" | "PASS_FAIL";
  comparator: "GTE" | "LTE";
  target: number;
  unit?: string;
  weight: number;
  severity: Severity;
  description: string;
};

const STANDARDS: StandardSpec[] = [
  {
    touchpoint: "listing",
    name: "Listing accuracy",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 98,
    unit: "%",
    weight: 2,
    severity: "MEDIUM",
    description: "Share of listings whose price, stock and specifications match the catalogue.",
  },
  {
    touchpoint: "listing",
    name: "Product content audit",
    metricKind: "PASS_FAIL",
    comparator: "GTE",
    target: 1,
    weight: 1,
    severity: "LOW",
    description: "Monthly audit of images, energy labels and manuals on a sample of listings.",
  },
  {
    touchpoint: "display",
    name: "Display compliance audit",
    metricKind: "PASS_FAIL",
    comparator: "GTE",
    target: 1,
    weight: 1,
    severity: "LOW",
    description: "Planogram, price tags and brand signage as agreed.",
  },
  {
    touchpoint: "display",
    name: "Demo units working",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 95,
    unit: "%",
    weight: 1,
    severity: "LOW",
    description: "Share of demo units powered and working at the mystery-shopper visit.",
  },
  {
    touchpoint: "popup",
    name: "Event satisfaction",
    metricKind: "RATING",
    comparator: "GTE",
    target: 4.5,
    unit: "/5",
    weight: 1,
    severity: "LOW",
    description: "Average rating given by event guests.",
  },
  {
    touchpoint: "advice",
    name: "Call answered within",
    metricKind: "DURATION",
    comparator: "LTE",
    target: 3,
    unit: "min",
    weight: 2,
    severity: "MEDIUM",
    description: "Average time to answer a call to the advice line.",
  },
  {
    touchpoint: "advice",
    name: "First-contact resolution",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 80,
    unit: "%",
    weight: 2,
    severity: "MEDIUM",
    description: "Share of calls fully answered without a call back.",
  },
  {
    touchpoint: "consult",
    name: "Consultation satisfaction",
    metricKind: "RATING",
    comparator: "GTE",
    target: 4.5,
    unit: "/5",
    weight: 2,
    severity: "MEDIUM",
    description: "Average post-consultation survey rating.",
  },
  {
    touchpoint: "consult",
    name: "Brand training current",
    metricKind: "PASS_FAIL",
    comparator: "GTE",
    target: 1,
    weight: 1,
    severity: "MEDIUM",
    description: "Every consultant has completed this year's product training.",
  },
  {
    touchpoint: "chat",
    name: "First response time",
    metricKind: "DURATION",
    comparator: "LTE",
    target: 2,
    unit: "min",
    weight: 2,
    severity: "MEDIUM",
    description: "Average time to the first human answer in chat.",
  },
  {
    touchpoint: "chat",
    name: "Chat CSAT",
    metricKind: "RATING",
    comparator: "GTE",
    target: 4.3,
    unit: "/5",
    weight: 1,
    severity: "LOW",
    description: "Average rating at the end of a chat.",
  },
  {
    touchpoint: "checkout",
    name: "Order accuracy",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 99.5,
    unit: "%",
    weight: 3,
    severity: "HIGH",
    description: "Orders passed on with the right item, address and slot.",
  },
  {
    touchpoint: "checkout",
    name: "Financing decision time",
    metricKind: "DURATION",
    comparator: "LTE",
    target: 10,
    unit: "min",
    weight: 1,
    severity: "MEDIUM",
    description: "Average time from financing application to decision.",
  },
  {
    touchpoint: "store",
    name: "Till queue time",
    metricKind: "DURATION",
    comparator: "LTE",
    target: 8,
    unit: "min",
    weight: 1,
    severity: "LOW",
    description: "Average wait at the till at peak hours.",
  },
  {
    touchpoint: "curbside",
    name: "Order ready on time",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 97,
    unit: "%",
    weight: 2,
    severity: "MEDIUM",
    description: "Orders ready at the promised pickup time.",
  },
  {
    touchpoint: "curbside",
    name: "Handover wait",
    metricKind: "DURATION",
    comparator: "LTE",
    target: 5,
    unit: "min",
    weight: 1,
    severity: "LOW",
    description: "Average wait from check-in to handover.",
  },
  {
    touchpoint: "delivery",
    name: "On-time delivery",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 95,
    unit: "%",
    weight: 3,
    severity: "HIGH",
    description: "Deliveries inside the booked two-hour window.",
  },
  {
    touchpoint: "delivery",
    name: "Damage-free delivery",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 99,
    unit: "%",
    weight: 3,
    severity: "CRITICAL",
    description: "Deliveries without damage to the appliance or the home.",
  },
  {
    touchpoint: "delivery",
    name: "Delivery CSAT",
    metricKind: "RATING",
    comparator: "GTE",
    target: 4.5,
    unit: "/5",
    weight: 2,
    severity: "MEDIUM",
    description: "Average rating of the delivery experience.",
  },
  {
    touchpoint: "delivery",
    name: "Uniform and vehicle audit",
    metricKind: "PASS_FAIL",
    comparator: "GTE",
    target: 1,
    weight: 1,
    severity: "LOW",
    description: "Crews in uniform, vehicles clean and branded as agreed.",
  },
  {
    touchpoint: "install",
    name: "First-time-right installation",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 92,
    unit: "%",
    weight: 3,
    severity: "HIGH",
    description: "Installations that need no second visit.",
  },
  {
    touchpoint: "install",
    name: "Installation CSAT",
    metricKind: "RATING",
    comparator: "GTE",
    target: 4.5,
    unit: "/5",
    weight: 2,
    severity: "MEDIUM",
    description: "Average rating of the installation visit.",
  },
  {
    touchpoint: "install",
    name: "Site left clean",
    metricKind: "PASS_FAIL",
    comparator: "GTE",
    target: 1,
    weight: 1,
    severity: "MEDIUM",
    description: "Packaging removed and the room left as found (photo audit).",
  },
  {
    touchpoint: "repair",
    name: "Time to first visit",
    metricKind: "DURATION",
    comparator: "LTE",
    target: 2880,
    unit: "min",
    weight: 2,
    severity: "HIGH",
    description: "Average time from the repair request to the technician's first visit (48 h).",
  },
  {
    touchpoint: "repair",
    name: "Fixed on first visit",
    metricKind: "PERCENTAGE",
    comparator: "GTE",
    target: 85,
    unit: "%",
    weight: 2,
    severity: "MEDIUM",
    description: "Repairs completed at the first visit.",
  },
];

const SMALL_STANDARDS = [
  "Consultation satisfaction",
  "Order accuracy",
  "On-time delivery",
  "Damage-free delivery",
  "Delivery CSAT",
  "First-time-right installation",
];

const ALIGNMENT_QUESTIONS = [
  { text: "Puts the customer's experience ahead of short-term margin", weight: 3 },
  { text: "Treats customers' homes and belongings with care and respect", weight: 2 },
  { text: "Reports problems openly and promptly, including its own mistakes", weight: 2 },
  { text: "Invests in training and fair treatment of its people", weight: 1.5 },
  { text: "Shares our sustainability commitments (recycling, low-emission fleet)", weight: 1 },
  { text: "Keeps its promises on time, every time", weight: 2 },
];

type CategorySpec = {
  category: string;
  titles: string[];
  rootCauses: string[];
  resolutions: string[];
  /** Cost per affected customer: refunds, reshipment, credits, handling. */
  cost: [number, number, number, number];
};

const INCIDENT_CATEGORIES: Record<PartnerType, CategorySpec[]> = {
  DELIVERY: [
    {
      category: "Late delivery",
      titles: [
        "Delivery arrived outside the booked window",
        "Customer waited all day for a delivery",
        "Delivery rescheduled on the day",
      ],
      rootCauses: [
        "Route overbooked on a peak day",
        "Vehicle breakdown on the route",
        "Dispatcher missed the time-window constraint",
      ],
      resolutions: [
        "Apologised, credited the delivery fee and capped daily drops per crew",
        "Re-planned the route and added a standby vehicle",
      ],
      cost: [0, 0, 25, 15],
    },
    {
      category: "Damaged item",
      titles: ["Appliance damaged in transit", "Fridge door dented on delivery", "Washing machine drum damaged"],
      rootCauses: ["Load not strapped in the van", "Unit dropped on the stairs", "Packaging removed too early"],
      resolutions: [
        "Replacement delivered and crew retrained on handling",
        "Refunded the customer and claimed from the carrier's insurance",
      ],
      cost: [180, 120, 20, 30],
    },
    {
      category: "Missed delivery",
      titles: ["Crew did not show up", "Delivery marked as done but never arrived"],
      rootCauses: ["Crew sick, no cover arranged", "Wrong address in the driver app"],
      resolutions: [
        "Redelivered next morning with a goodwill credit",
        "Fixed address sync between our OMS and the partner app",
      ],
      cost: [0, 60, 30, 15],
    },
    {
      category: "Old appliance not taken",
      titles: ["Haul-away of the old appliance not done"],
      rootCauses: ["Haul-away flag not passed to the crew"],
      resolutions: ["Second visit scheduled to collect the old unit"],
      cost: [0, 40, 10, 10],
    },
  ],
  INSTALLER: [
    {
      category: "Faulty installation",
      titles: [
        "Dishwasher leaking after installation",
        "Oven not connected to the right circuit",
        "Washer not levelled, walks during spin",
      ],
      rootCauses: ["Inlet hose not tightened", "Installer skipped the final test run", "Wrong fitting kit used"],
      resolutions: [
        "Technician revisited and fixed the connection; checklist made mandatory",
        "Repaired and added a photo of the final test to the job report",
      ],
      cost: [0, 0, 50, 45],
    },
    {
      category: "Installer no-show",
      titles: ["Installer did not arrive", "Installation cancelled without notice"],
      rootCauses: ["Double-booked technician", "Job lost in the scheduling hand-off"],
      resolutions: ["Rebooked for the next day and credited the installation fee"],
      cost: [0, 0, 40, 15],
    },
    {
      category: "Property damage",
      titles: ["Floor scratched during installation", "Worktop chipped while fitting a hob"],
      rootCauses: ["Appliance slid without floor protection", "Wrong tool used on stone worktop"],
      resolutions: ["Damage repaired at the partner's cost and floor protection made standard"],
      cost: [220, 0, 50, 40],
    },
  ],
  RESELLER: [
    {
      category: "Pricing error",
      titles: ["Listed price did not match checkout", "Promotion not applied at checkout"],
      rootCauses: ["Price feed updated late", "Promotion code expired early in the partner system"],
      resolutions: ["Refunded the difference and moved the price feed to hourly"],
      cost: [45, 0, 10, 10],
    },
    {
      category: "Order not processed",
      titles: ["Order stuck without confirmation", "Order confirmed but never passed on"],
      rootCauses: ["Integration queue stalled", "Manual review backlog"],
      resolutions: ["Reprocessed the orders and added queue monitoring"],
      cost: [0, 0, 20, 15],
    },
    {
      category: "Misleading product information",
      titles: ["Wrong dimensions on listing", "Energy rating shown incorrectly"],
      rootCauses: ["Outdated product content", "Copy error in the listing template"],
      resolutions: ["Corrected the listing and accepted the return"],
      cost: [120, 60, 0, 20],
    },
  ],
  RETAILER: [
    {
      category: "Stock unavailable",
      titles: ["Item sold in store was not in stock", "Display model sold as new stock"],
      rootCauses: ["Stock count out of date", "Store system not synced with the warehouse"],
      resolutions: ["Sourced from another store and credited the wait"],
      cost: [0, 30, 30, 10],
    },
    {
      category: "Poor in-store service",
      titles: ["Customer complained about staff behaviour", "No one available to help in the appliance aisle"],
      rootCauses: ["Understaffed weekend shift", "New staff not yet trained"],
      resolutions: ["Store manager called the customer; staffing plan adjusted"],
      cost: [0, 0, 20, 10],
    },
    {
      category: "Checkout error",
      titles: ["Customer charged twice at the till", "Extended warranty added without consent"],
      rootCauses: ["Payment terminal timeout", "Till default not reset"],
      resolutions: ["Refunded the duplicate charge and updated the till settings"],
      cost: [90, 0, 10, 10],
    },
  ],
  SERVICE: [
    {
      category: "Long wait time",
      titles: ["Customer waited over 40 minutes on the advice line", "Chat queue abandoned at peak"],
      rootCauses: ["Forecast missed a promotion peak", "Agents pulled onto another client's queue"],
      resolutions: ["Staffing forecast now includes the promotion calendar"],
      cost: [0, 0, 10, 10],
    },
    {
      category: "Repair not fixed",
      titles: ["Repair visit did not fix the fault", "Wrong spare part brought to the repair"],
      rootCauses: ["Diagnosis by phone was wrong", "Parts catalogue out of date"],
      resolutions: ["Second visit with the right part; remote diagnosis script updated"],
      cost: [0, 0, 60, 50],
    },
    {
      category: "Wrong advice",
      titles: ["Customer advised a model that does not fit", "Incorrect warranty information given"],
      rootCauses: ["Agent knowledge base outdated", "Script missing the fit check"],
      resolutions: ["Exchanged the product and updated the knowledge base"],
      cost: [110, 50, 0, 20],
    },
  ],
  HOST: [
    {
      category: "Event cancelled",
      titles: ["Demo event cancelled at short notice"],
      rootCauses: ["Venue double-booked"],
      resolutions: ["Guests re-invited with a voucher"],
      cost: [0, 0, 15, 10],
    },
    {
      category: "Venue not ready",
      titles: ["Demo kitchen not set up on arrival", "Appliances on display not working at the event"],
      rootCauses: ["Set-up crew arrived late", "Power not connected to the demo island"],
      resolutions: ["Set-up checklist signed off an hour before doors open"],
      cost: [0, 0, 10, 20],
    },
  ],
  CURBSIDE: [
    {
      category: "Order not ready",
      titles: ["Order not ready at pickup time", "Locker code did not work"],
      rootCauses: ["Picking backlog", "Locker firmware bug"],
      resolutions: ["Order handed over with a credit; locker firmware updated"],
      cost: [0, 0, 15, 10],
    },
    {
      category: "Wrong order handed over",
      titles: ["Customer received someone else's order"],
      rootCauses: ["Labels swapped at picking"],
      resolutions: ["Orders swapped back; scan-at-handover enforced"],
      cost: [0, 40, 10, 15],
    },
  ],
  OTHER: [
    {
      category: "Service failure",
      titles: ["Service not delivered as promised"],
      rootCauses: ["Process not followed"],
      resolutions: ["Process retrained"],
      cost: [0, 0, 20, 10],
    },
  ],
};

const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "James",
  "Isabella",
  "Lucas",
  "Mia",
  "Mateo",
  "Amelia",
  "Ethan",
  "Harper",
  "Aiden",
  "Evelyn",
  "Daniel",
  "Abigail",
  "Henry",
  "Priya",
  "Arjun",
  "Mei",
  "Wei",
  "Fatima",
  "Omar",
  "Chloe",
  "Samuel",
  "Grace",
  "Leo",
  "Zoe",
  "Gabriel",
  "Nora",
  "Julian",
  "Hannah",
  "Isaac",
  "Layla",
  "Caleb",
  "Aaliyah",
  "Diego",
  "Sofia",
  "Kenji",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Perez",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Nguyen",
  "Hill",
  "Patel",
  "Chen",
  "Kim",
  "Okafor",
  "Kowalski",
  "Rossi",
  "Fischer",
  "Haddad",
  "Sato",
  "Whitfield",
];
const COMPANY_PREFIXES = [
  "Oakwood",
  "Riverside",
  "Summit",
  "Bayview",
  "Pinecrest",
  "Granite",
  "Silverline",
  "Lakeshore",
  "Cedar",
  "Maplewood",
  "Harborview",
  "Hillside",
  "Prairie",
  "Sunrise",
  "Northgate",
  "Stonebridge",
  "Willow",
  "Redwood",
  "Brookfield",
  "Fairview",
  "Highland",
  "Clearwater",
];
const COMPANY_SUFFIXES = [
  "Property Management",
  "Hotels",
  "Dental Group",
  "Restaurants",
  "Apartments",
  "Builders",
  "Student Housing",
  "Senior Living",
  "Café Group",
  "Fitness Clubs",
  "Office Parks",
  "Vacation Rentals",
  "Schools",
  "Clinics",
  "Catering",
];
const CONTACT_TITLES = [
  "Account manager",
  "Operations director",
  "Customer experience lead",
  "Regional manager",
  "Managing director",
  "Quality manager",
];

const PARTNER_DESCRIPTIONS: Record<PartnerType, string> = {
  DELIVERY: "Two-person delivery of large appliances into the home, with haul-away of the old unit.",
  INSTALLER: "Certified installers for kitchen and laundry appliances (plumbing, gas and electrical).",
  RESELLER: "Online reseller of our appliance range, with its own web shop and marketplace listings.",
  RETAILER: "Bricks-and-mortar stores with appliance floor space and consultation corners.",
  SERVICE: "Contact-centre and field-service partner for advice, repairs and warranty work.",
  HOST: "Hosts pop-up demo kitchens and consultation events.",
  CURBSIDE: "Curbside and locker pickup for small appliances and accessories.",
  OTHER: "Partner.",
};

/** Relative interaction volume by calendar month (Jan…Dec): spring renovations, Black Friday, Christmas. */
const SEASON = [0.85, 0.8, 0.95, 1.0, 1.05, 1.1, 1.05, 1.0, 0.95, 1.0, 1.35, 1.3];

// ---------------------------------------------------------------- base plan (partners, users, logins)

type PlannedPartner = PartnerSpec & {
  key: string;
  id: string;
  quality: number;
  trend: number;
  contractStart: Date | null;
  contractEnd: Date | null;
  /** When it started and stopped serving customers (null when it never did). */
  operatingFrom: Date | null;
  operatingTo: Date | null;
  createdAt: Date;
  alignmentAnswered: boolean;
};

type UserSpec = {
  email: string;
  name: string;
  role: "OWNER" | "STEWARD" | "ANALYST" | "PARTNER_ADMIN" | "PARTNER_AGENT";
  partnerKey?: string;
};

type Base = {
  partners: PlannedPartner[];
  users: UserSpec[];
  logins: DemoLogins;
  loginPartner: PlannedPartner;
};

const OPERATING: readonly PartnerStatus[] = ["ACTIVE", "PROBATION", "OFFBOARDED"];
const CURRENT: readonly PartnerStatus[] = ["ACTIVE", "PROBATION"];

function planBase(opts: Resolved): Base {
  const rng = createRng(opts.seed).fork("partners");
  const ids = createRng(opts.seed).fork("partner-ids");
  const now = opts.asOf;

  let specs: PartnerSpec[];
  if (opts.scale === "full") {
    specs = PARTNER_CATALOGUE.map((p) => ({ ...p }));
  } else {
    const used = new Set<string>();
    specs = SMALL_SLOTS.map((slot) => {
      const pool = PARTNER_CATALOGUE.filter((p) => p.type === slot.type && !used.has(p.name));
      const chosen = rng.pick(pool);
      used.add(chosen.name);
      return {
        name: chosen.name,
        type: slot.type,
        status: slot.status,
        tier: slot.tier,
        region: chosen.region,
        size: slot.size,
        quality: slot.quality,
      };
    });
  }

  const partners: PlannedPartner[] = specs.map((spec) => {
    const quality = spec.quality ?? clamp(rng.normal(0.87, 0.035), 0.8, 0.95);
    const trend = spec.trend ?? rng.normal(0, 0.025);
    let contractStart: Date | null = null;
    let contractEnd: Date | null = null;
    let operatingFrom: Date | null = null;
    let operatingTo: Date | null = null;
    if (OPERATING.includes(spec.status)) {
      const months = spec.startedMonthsAgo ?? (spec.status === "OFFBOARDED" ? rng.int(30, 48) : rng.int(26, 60));
      contractStart = dateOnly(addDays(addMonths(monthStart(now), -months), rng.int(0, 27)));
      if (spec.status === "OFFBOARDED") {
        contractEnd = dateOnly(addDays(addMonths(monthStart(now), -rng.int(2, 4)), rng.int(0, 27)));
        operatingTo = contractEnd;
      } else {
        contractEnd = dateOnly(addDays(addMonths(monthStart(now), rng.int(3, 30)), rng.int(0, 27)));
        operatingTo = now;
      }
      operatingFrom = contractStart;
    }
    const createdAt = contractStart ? addDays(contractStart, -rng.int(30, 120)) : addDays(now, -rng.int(10, 90));
    return {
      ...spec,
      key: slugify(spec.name),
      id: ids.uuid(createdAt.getTime()),
      quality,
      trend,
      contractStart,
      contractEnd,
      operatingFrom,
      operatingTo,
      createdAt,
      alignmentAnswered: spec.status !== "PROSPECT",
    };
  });

  const loginPartner =
    partners.find((p) => p.name === "Swift Couriers" && p.status === "ACTIVE") ??
    partners.find((p) => p.type === "DELIVERY" && p.status === "ACTIVE") ??
    partners.find((p) => p.status === "ACTIVE")!;

  const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const email = (local: string) => `${local}@${opts.domain}`.toLowerCase();
  const users: UserSpec[] = [
    { email: email("owner"), name: person(), role: "OWNER" },
    { email: email("steward"), name: person(), role: "STEWARD" },
    { email: email("analyst"), name: person(), role: "ANALYST" },
  ];
  // Every current partner has an admin; the biggest ones (and the login partner) an agent too.
  const current = partners.filter((p) => CURRENT.includes(p.status));
  const withAgents = new Set(
    [loginPartner, ...current.slice().sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))]
      .slice(0, SIZES[opts.scale].agents + 1)
      .map((p) => p.key),
  );
  for (const p of current) {
    users.push({ email: email(`${p.key}.admin`), name: person(), role: "PARTNER_ADMIN", partnerKey: p.key });
    if (withAgents.has(p.key))
      users.push({ email: email(`${p.key}.agent`), name: person(), role: "PARTNER_AGENT", partnerKey: p.key });
  }

  const login = (e: string) => ({ email: e, password: opts.password });
  return {
    partners,
    users,
    loginPartner,
    logins: {
      owner: login(email("owner")),
      steward: login(email("steward")),
      analyst: login(email("analyst")),
      partner: { ...login(email(`${loginPartner.key}.admin`)), partnerName: loginPartner.name },
    },
  };
}

// ---------------------------------------------------------------- row plan

type Plan = {
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

type PlannedTouchpoint = TouchpointSpec & { id: string; partners: PlannedPartner[] };

/** Every tenant row of the demo, in memory. Exported for tests and tools; deterministic for given options and user ids. */
export function planDemoRows(options: SeedDemoOptions = {}, userIds?: Map<string, string>) {
  const opts = resolveOptions(options);
  const base = planBase(opts);
  const ids = userIds ?? new Map(base.users.map((u) => [u.email, `user:${u.email}`]));
  return planRows(opts, base, ids);
}

function planRows(opts: Resolved, base: Base, userIds: Map<string, string>): Plan {
  const root = createRng(opts.seed);
  const tenantId = opts.tenantId;
  const now = opts.asOf;
  const size = SIZES[opts.scale];
  const windowStart = addMonths(monthStart(now), -12);
  const tenantCreatedAt = addMonths(monthStart(now), -62);
  const idStream = (label: string) => {
    const r = root.fork(`ids:${label}`);
    return (time: Date | number) => r.uuid(typeof time === "number" ? time : time.getTime());
  };
  const userId = (email: string) => {
    const id = userIds.get(email);
    if (!id) throw new Error(`No user id for ${email}`);
    return id;
  };
  const partners = base.partners;
  const stewardEmail = base.logins.steward.email;
  const stewardId = userId(stewardEmail);
  const adminOf = new Map<string, { id: string; email: string }>();
  const agentOf = new Map<string, { id: string; email: string }>();

  // memberships
  const membershipId = idStream("memberships");
  const memberships: Prisma.MembershipCreateManyInput[] = base.users.map((u) => {
    const partner = u.partnerKey ? partners.find((p) => p.key === u.partnerKey)! : null;
    if (partner && u.role === "PARTNER_ADMIN") adminOf.set(partner.id, { id: userId(u.email), email: u.email });
    if (partner && u.role === "PARTNER_AGENT") agentOf.set(partner.id, { id: userId(u.email), email: u.email });
    const createdAt = partner?.contractStart ? addDays(partner.contractStart, 7) : addDays(tenantCreatedAt, 1);
    return {
      tenantId,
      id: membershipId(createdAt),
      userId: userId(u.email),
      role: u.role,
      partnerId: partner?.id ?? null,
      createdAt,
    };
  });

  // partners and contacts
  const pr = root.fork("partner-rows");
  const contactId = idStream("contacts");
  const partnerRows: Prisma.PartnerCreateManyInput[] = [];
  const contacts: Prisma.PartnerContactCreateManyInput[] = [];
  for (const p of partners) {
    partnerRows.push({
      tenantId,
      id: p.id,
      name: p.name,
      type: p.type,
      tier: p.tier,
      status: p.status,
      region: p.region,
      contractStart: p.contractStart,
      contractEnd: p.contractEnd,
      website: `https://www.${p.key}.example`,
      description: PARTNER_DESCRIPTIONS[p.type],
      alignmentScore: null, // set below from the answers
      createdAt: p.createdAt,
    });
    const n = pr.int(1, 3);
    for (let i = 0; i < n; i++) {
      const first = pr.pick(FIRST_NAMES);
      const last = pr.pick(LAST_NAMES);
      contacts.push({
        tenantId,
        id: contactId(p.createdAt),
        partnerId: p.id,
        name: `${first} ${last}`,
        email: `${first}.${last}@${p.key}.example`.toLowerCase(),
        phone: `+1 555 01${String(pr.int(0, 99)).padStart(2, "0")}`,
        title: i === 0 ? pr.pick(CONTACT_TITLES.slice(0, 2)) : pr.pick(CONTACT_TITLES),
        isPrimary: i === 0,
      });
    }
  }

  // values alignment
  const ar = root.fork("alignment");
  const questionId = idStream("questions");
  const questions = ALIGNMENT_QUESTIONS.map((q, i) => ({
    tenantId,
    id: questionId(addDays(tenantCreatedAt, 2)),
    text: q.text,
    weight: q.weight,
    position: i,
    active: true,
  }));
  const answers: Prisma.AlignmentAnswerCreateManyInput[] = [];
  partners.forEach((p, index) => {
    if (!p.alignmentAnswered) return;
    const answeredAt = p.contractStart ? addDays(p.contractStart, -ar.int(10, 40)) : addDays(now, -ar.int(2, 20));
    // A partner still in vetting may not have answered everything yet.
    const count = p.status === "VETTING" ? ar.int(3, questions.length) : questions.length;
    const mine: { questionId: string; rating: number }[] = [];
    for (const q of questions.slice(0, count)) {
      const rating = Math.round(clamp(ar.normal(2.6 + 2.4 * ((p.quality - 0.6) / 0.35), 0.8), 0, 5));
      mine.push({ questionId: q.id, rating });
      answers.push({
        tenantId,
        partnerId: p.id,
        questionId: q.id,
        rating,
        answeredAt,
        note: rating <= 2 ? "Discussed in the vetting call" : null,
      });
    }
    partnerRows[index].alignmentScore = computeAlignment(questions, mine).score;
  });

  // touchpoints and assignments
  const tr = root.fork("touchpoints");
  const touchpointId = idStream("touchpoints");
  const tpSpecs = opts.scale === "full" ? TOUCHPOINTS : TOUCHPOINTS.filter((t) => SMALL_TOUCHPOINTS.includes(t.key));
  const operating = partners.filter((p) => OPERATING.includes(p.status));
  const touchpoints: PlannedTouchpoint[] = tpSpecs.map((t) => ({
    ...t,
    id: touchpointId(addDays(tenantCreatedAt, 3)),
    partners: [],
  }));
  for (const t of touchpoints) {
    const main = operating.filter((p) => p.type === t.types[0]);
    const others = tr.shuffle(operating.filter((p) => t.types.slice(1).includes(p.type)));
    const wanted = Math.min(8, Math.max(main.length > 8 ? 8 : tr.int(3, 8), main.length));
    const chosen = main.length > 8 ? tr.sample(main, 8) : main.slice();
    for (const o of others) if (chosen.length < wanted) chosen.push(o);
    t.partners = chosen;
  }
  // Every operating partner handles at least one touchpoint.
  for (const p of operating) {
    if (touchpoints.some((t) => t.partners.includes(p))) continue;
    const fitting = touchpoints.filter((t) => t.types.includes(p.type));
    const target = fitting.sort((a, b) => a.partners.length - b.partners.length)[0] ?? touchpoints[0];
    target.partners.push(p);
  }
  const touchpointRows: Prisma.TouchpointCreateManyInput[] = touchpoints.map((t, i) => ({
    tenantId,
    id: t.id,
    name: t.name,
    description: t.description,
    stage: t.stage,
    channel: t.channel,
    isMomentOfTruth: t.isMomentOfTruth ?? false,
    weight: t.weight ?? 1,
    position: i,
    createdAt: addDays(tenantCreatedAt, 3),
  }));
  const touchpointPartners: Prisma.TouchpointPartnerCreateManyInput[] = [];
  for (const t of touchpoints) {
    for (const p of t.partners) {
      touchpointPartners.push({
        tenantId,
        touchpointId: t.id,
        partnerId: p.id,
        assignedAt: p.contractStart ?? p.createdAt,
      });
    }
  }
  const touchpointsOf = (p: PlannedPartner) => touchpoints.filter((t) => t.partners.includes(p));

  // standards, acknowledgements, assessments
  const sr = root.fork("standards");
  const standardId = idStream("standards");
  const ackId = idStream("acknowledgements");
  const assessmentId = idStream("assessments");
  const standardSpecs = (
    opts.scale === "full" ? STANDARDS : STANDARDS.filter((s) => SMALL_STANDARDS.includes(s.name))
  ).filter((s) => touchpoints.some((t) => t.key === s.touchpoint));
  const standardsCreatedAt = addDays(windowStart, -45);
  const standards = standardSpecs.map((s) => {
    const id = standardId(standardsCreatedAt);
    const touchpoint = touchpoints.find((t) => t.key === s.touchpoint)!;
    return {
      spec: s,
      touchpoint,
      row: {
        tenantId,
        id,
        lineageId: id,
        version: 1,
        isCurrent: true,
        touchpointId: touchpoint.id,
        name: s.name,
        description: s.description,
        metricKind: s.metricKind,
        comparator: s.comparator,
        target: s.target,
        unit: s.unit ?? null,
        weight: s.weight,
        severity: s.severity,
        createdAt: standardsCreatedAt,
      } satisfies Prisma.ExperienceStandardCreateManyInput,
    };
  });
  const acknowledgements: Prisma.StandardAcknowledgementCreateManyInput[] = [];
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const periods = Array.from({ length: size.assessmentMonths }, (_, i) =>
    addMonths(monthStart(now), -(size.assessmentMonths - i)),
  );
  for (const { spec, touchpoint, row } of standards) {
    for (const p of touchpoint.partners) {
      const admin = adminOf.get(p.id);
      if (admin && CURRENT.includes(p.status) && sr.chance(0.85)) {
        const from = new Date(Math.max(standardsCreatedAt.getTime(), (p.contractStart ?? p.createdAt).getTime()));
        const at = sr.date(from, addDays(from, 60));
        acknowledgements.push({
          tenantId,
          id: ackId(at),
          standardId: row.id,
          partnerId: p.id,
          userId: admin.id,
          trainingCompleted: sr.chance(0.75),
          acknowledgedAt: at,
        });
      }
      for (const period of periods) {
        if (
          !p.operatingFrom ||
          p.operatingFrom.getTime() > period.getTime() ||
          p.operatingTo!.getTime() < addMonths(period, 1).getTime()
        )
          continue;
        const months = (period.getTime() - now.getTime()) / (30.44 * DAY);
        const q = clamp(p.quality + (p.trend * months) / 12, 0.4, 0.99);
        const value = measure(sr, spec, q);
        const latest = period.getTime() === periods[periods.length - 1].getTime();
        const selfReport = latest && admin !== undefined && sr.chance(0.15);
        const source = selfReport
          ? "SELF_REPORT"
          : spec.metricKind === "PASS_FAIL"
            ? "AUDIT"
            : spec.metricKind === "RATING"
              ? "SURVEY"
              : "SYSTEM";
        const recordedAt = addDays(addMonths(period, 1), sr.int(1, 6));
        const createdAt = recordedAt.getTime() < now.getTime() ? recordedAt : addMinutes(now, -sr.int(60, 600));
        assessments.push({
          tenantId,
          id: assessmentId(createdAt),
          partnerId: p.id,
          standardId: row.id,
          period,
          value,
          met: isMet(spec, value),
          source,
          evidenceText:
            source === "AUDIT"
              ? "Field audit checklist"
              : source === "SELF_REPORT"
                ? "Monthly self-assessment with the partner's own report attached"
                : null,
          evidenceUrl:
            source === "SELF_REPORT"
              ? `https://docs.${p.key}.example/reports/${period.toISOString().slice(0, 7)}.pdf`
              : null,
          verification: selfReport ? "PENDING" : "VERIFIED",
          verifiedById: selfReport || source === "SYSTEM" ? null : stewardId,
          verifiedAt: selfReport || source === "SYSTEM" ? null : createdAt,
          recordedById: selfReport ? admin!.id : source === "SYSTEM" ? null : stewardId,
          createdAt,
        });
      }
    }
  }

  // customers (acquired over the last three years, more of them recently)
  const cr = root.fork("customers");
  const customerId = idStream("customers");
  const acquisitionStart = addMonths(monthStart(now), -36);
  const acquisitionEnd = addDays(now, -3);
  const sellers = operating.filter((p) => p.type === "RESELLER" || p.type === "RETAILER" || p.type === "HOST");
  const operatingAt = (list: PlannedPartner[], t: Date) =>
    list.filter((p) => p.operatingFrom!.getTime() <= t.getTime() && t.getTime() < p.operatingTo!.getTime());
  type Cust = {
    id: string;
    acquiredAt: Date;
    segment: "B2B" | "B2C";
    acquiredBy: PlannedPartner | null;
    lambda: number;
    dropout: number;
    spend: number;
  };
  const custs: Cust[] = [];
  for (let i = 0; i < size.customers; i++) {
    const acquiredAt = new Date(
      acquisitionStart.getTime() + (acquisitionEnd.getTime() - acquisitionStart.getTime()) * Math.pow(cr.next(), 0.75),
    );
    const segment = cr.chance(0.2) ? "B2B" : "B2C";
    const available = operatingAt(sellers, acquiredAt);
    const acquiredBy =
      available.length > 0 && cr.chance(0.7)
        ? cr.weighted(
            available,
            available.map((p) => p.size * (segment === "B2B" && p.type === "RESELLER" ? 1.8 : 1)),
          )
        : null;
    // BG/NBD-style heterogeneity: purchase rate ~ Gamma, dropout after each purchase ~ Beta;
    // Gamma-Gamma-style spend: each customer has a mean order value.
    const lambda = segment === "B2B" ? cr.gamma(2.4, 3.2) : cr.gamma(1.6, 2.8); // purchases per year
    const dropout = segment === "B2B" ? cr.beta(1.1, 14) : cr.beta(1.3, 10);
    const spend = segment === "B2B" ? cr.gamma(3, 700) : cr.gamma(4, 110);
    custs.push({ id: "", acquiredAt, segment, acquiredBy, lambda, dropout, spend });
  }
  custs.sort((a, b) => a.acquiredAt.getTime() - b.acquiredAt.getTime());
  const customers: Prisma.CustomerCreateManyInput[] = custs.map((c, i) => {
    c.id = customerId(c.acquiredAt);
    let name: string;
    let email: string;
    if (c.segment === "B2B") {
      name = `${cr.pick(COMPANY_PREFIXES)} ${cr.pick(COMPANY_SUFFIXES)}`;
      email = `purchasing@${slugify(name)}.example`;
    } else {
      const first = cr.pick(FIRST_NAMES);
      const last = cr.pick(LAST_NAMES);
      name = `${first} ${last}`;
      email = `${first}.${last}${i + 1}@mail.example`.toLowerCase();
    }
    const cost = (c.segment === "B2B" ? cr.gamma(4, 90) : cr.gamma(4, 12)) * (c.acquiredBy ? 1 : 0.6);
    return {
      tenantId,
      id: c.id,
      externalRef: `${opts.prefix}-C${String(i + 1).padStart(5, "0")}`,
      name,
      email,
      segment: c.segment,
      acquiredAt: c.acquiredAt,
      acquiringPartnerId: c.acquiredBy?.id ?? null,
      acquisitionCost: money(cost),
      createdAt: c.acquiredAt,
    };
  });
  const acquiredTimes = custs.map((c) => c.acquiredAt.getTime());
  /** A customer acquired at or before t, or null. */
  const customerBefore = (r: Rng, t: number): Cust | null => {
    let lo = 0;
    let hi = acquiredTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acquiredTimes[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : custs[r.int(0, lo - 1)];
  };

  // transactions: the first purchase at acquisition, then repeat purchases until dropout or now
  const xr = root.fork("transactions");
  const transactionId = idStream("transactions");
  const checkout = touchpoints.find((t) => t.key === "checkout");
  const store = touchpoints.find((t) => t.key === "store");
  const transactions: Prisma.TransactionCreateManyInput[] = [];
  const servedBy = new Map<string, Cust[]>();
  const YEAR = 365.25 * DAY;
  for (const c of custs) {
    let t = c.acquiredAt.getTime();
    for (;;) {
      const at = new Date(t);
      let partner: PlannedPartner | null = null;
      if (c.acquiredBy && operatingAt([c.acquiredBy], at).length > 0 && xr.chance(0.65)) partner = c.acquiredBy;
      else if (xr.chance(0.7)) {
        const available = operatingAt(sellers, at);
        if (available.length > 0)
          partner = xr.weighted(
            available,
            available.map((p) => p.size),
          );
      }
      const inStore =
        partner !== null &&
        (partner.type === "RETAILER" || partner.type === "HOST") &&
        store !== undefined &&
        xr.chance(0.6);
      const touchpoint = inStore ? store : checkout;
      const channel: Channel = inStore ? "STORE" : partner === null && xr.chance(0.15) ? "PHONE" : "ONLINE";
      const revenue = xr.gamma(6, c.spend / 6);
      const margin = revenue * clamp(xr.normal(c.segment === "B2B" ? 0.22 : 0.3, 0.04), 0.08, 0.45);
      transactions.push({
        tenantId,
        id: transactionId(at),
        customerId: c.id,
        occurredAt: at,
        revenue: money(revenue),
        margin: money(margin),
        servingPartnerId: partner?.id ?? null,
        touchpointId: channel === "PHONE" ? null : (touchpoint?.id ?? null),
        channel,
      });
      if (partner) {
        const list = servedBy.get(partner.id) ?? [];
        if (list[list.length - 1] !== c) list.push(c);
        servedBy.set(partner.id, list);
      }
      if (xr.chance(c.dropout)) break; // the customer becomes inactive after this purchase
      t += xr.exponential(c.lambda) * YEAR;
      if (t >= now.getTime()) break;
    }
  }
  for (const [i, x] of transactions.entries()) x.externalRef = `${opts.prefix}-O${String(i + 1).padStart(6, "0")}`;

  // interactions: volume by month, touchpoint and partner; outcome, CSAT and NPS from the partner's quality that month
  const ir = root.fork("interactions");
  const interactionId = idStream("interactions");
  const months: Date[] = [];
  for (let m = windowStart; m.getTime() < now.getTime(); m = addMonths(m, 1)) months.push(m);
  type Cell = {
    month: Date;
    from: Date;
    to: Date;
    touchpoint: PlannedTouchpoint;
    partner: PlannedPartner;
    weight: number;
  };
  const cells: Cell[] = [];
  for (const month of months) {
    const end = new Date(Math.min(addMonths(month, 1).getTime(), now.getTime()));
    for (const t of touchpoints) {
      for (const p of t.partners) {
        const from = Math.max(month.getTime(), p.operatingFrom!.getTime());
        const to = Math.min(end.getTime(), p.operatingTo!.getTime());
        if (to <= from) continue;
        const share = (to - from) / (addMonths(month, 1).getTime() - month.getTime());
        // a partner that joined recently ramps up over its first six months
        const tenureMonths = (from - p.operatingFrom!.getTime()) / (30.44 * DAY);
        const ramp = clamp(0.3 + tenureMonths / 6, 0.3, 1);
        const weight =
          (SEASON[month.getUTCMonth()] * t.volume * p.size * share * ramp) / Math.max(1, t.partners.length / 4);
        cells.push({ month, from: new Date(from), to: new Date(to), touchpoint: t, partner: p, weight });
      }
    }
  }
  const totalWeight = cells.reduce((s, c) => s + c.weight, 0);
  const interactions: Prisma.InteractionCreateManyInput[] = [];
  for (const cell of cells) {
    const count = ir.poisson((size.interactions * cell.weight) / totalWeight);
    const monthsFromNow = (cell.month.getTime() - now.getTime()) / (30.44 * DAY);
    const q = clamp(cell.partner.quality + (cell.partner.trend * monthsFromNow) / 12 + ir.normal(0, 0.01), 0.4, 0.995);
    for (let i = 0; i < count; i++) {
      let at = ir.date(cell.from, cell.to);
      at = new Date(
        Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), ir.int(8, 20), ir.int(0, 59), ir.int(0, 59)),
      );
      if (at.getTime() < cell.from.getTime() || at.getTime() >= cell.to.getTime()) at = ir.date(cell.from, cell.to);
      const u = ir.next();
      const outcome = u < q ? "SUCCESS" : u < q + (1 - q) * 0.6 ? "PARTIAL" : "FAILURE";
      let csat: number | null = null;
      let nps: number | null = null;
      if (ir.chance(outcome === "SUCCESS" ? 0.4 : 0.6)) {
        const mean = outcome === "SUCCESS" ? 2.6 + 2.0 * q : outcome === "PARTIAL" ? 3.0 : 1.7;
        csat = Math.round(clamp(ir.normal(mean, 0.65), 1, 5));
      }
      if (ir.chance(0.2)) {
        const mean = outcome === "SUCCESS" ? 2.5 + 7 * q : outcome === "PARTIAL" ? 5.5 : 2.5;
        nps = Math.round(clamp(ir.normal(mean, 1.6), 0, 10));
      }
      const customer = ir.chance(0.55) ? customerBefore(ir, at.getTime()) : null;
      const createdAt = addMinutes(at, ir.int(1, 90));
      interactions.push({
        tenantId,
        id: interactionId(at),
        partnerId: cell.partner.id,
        touchpointId: cell.touchpoint.id,
        customerId: customer?.id ?? null,
        occurredAt: at,
        outcome,
        csat,
        nps,
        createdAt: createdAt.getTime() < now.getTime() ? createdAt : at,
      });
    }
  }

  // SLA policies are written by the createSlaPolicies factory; incidents follow DEFAULT_SLA.
  const { incidents, incidentEvents, escalations } = planIncidents({
    rng: root.fork("incidents"),
    newId: idStream("incidents"),
    tenantId,
    now,
    windowStart,
    count: size.incidents,
    partners: operating,
    touchpointsOf,
    servedBy,
    customerBefore,
    adminOf,
    steward: { id: stewardId, email: stewardEmail },
    prefix: opts.prefix,
  });

  // partner survey: the last two complete quarters, from each current partner's users
  const vr = root.fork("survey");
  const surveyId = idStream("survey");
  const surveyResponses: Prisma.PartnerSurveyResponseCreateManyInput[] = [];
  const quarterStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
  const quarters = [addMonths(quarterStart(now), -6), addMonths(quarterStart(now), -3)];
  const comments = [
    "Clearer forecasts of peak weeks would help us staff up.",
    "The new portal makes incidents much easier to follow.",
    "Payment terms are fair; communication about changes could be earlier.",
    "We would like more joint training on new models.",
    "Escalations sometimes reach us after the customer has already complained twice.",
    "Great collaboration with the channel team this quarter.",
  ];
  for (const p of partners.filter((x) => CURRENT.includes(x.status))) {
    const mood = p.quality - 0.85 + vr.normal(0, 0.05);
    for (const q of quarters) {
      if (!p.operatingFrom || p.operatingFrom.getTime() > q.getTime()) continue;
      for (const user of [adminOf.get(p.id), agentOf.get(p.id)]) {
        if (!user || !vr.chance(0.85)) continue;
        const score = () => Math.round(clamp(vr.normal(3.7 + mood * 8, 0.7), 1, 5));
        const at = vr.date(addDays(addMonths(q, 3), -21), addDays(addMonths(q, 3), -1));
        surveyResponses.push({
          tenantId,
          id: surveyId(at),
          partnerId: p.id,
          userId: user.id,
          quarter: `${q.getUTCFullYear()}-Q${Math.floor(q.getUTCMonth() / 3) + 1}`,
          communication: score(),
          fairness: score(),
          tools: score(),
          support: score(),
          comment: vr.chance(0.4) ? vr.pick(comments) : null,
          createdAt: at,
        });
      }
    }
  }

  const counts: DemoCounts = {
    users: base.users.length,
    memberships: memberships.length,
    partners: partnerRows.length,
    partnerContacts: contacts.length,
    alignmentQuestions: questions.length,
    alignmentAnswers: answers.length,
    touchpoints: touchpointRows.length,
    touchpointPartners: touchpointPartners.length,
    standards: standards.length,
    acknowledgements: acknowledgements.length,
    assessments: assessments.length,
    slaPolicies: SEVERITIES.length,
    customers: customers.length,
    transactions: transactions.length,
    interactions: interactions.length,
    incidents: incidents.length,
    incidentEvents: incidentEvents.length,
    escalations: escalations.length,
    surveyResponses: surveyResponses.length,
  };

  return {
    tenantCreatedAt,
    memberships,
    partners: partnerRows,
    contacts,
    questions,
    answers,
    touchpoints: touchpointRows,
    touchpointPartners,
    standards: standards.map((s) => s.row),
    acknowledgements,
    assessments,
    customers,
    transactions,
    interactions,
    incidents,
    incidentEvents,
    escalations,
    surveyResponses,
    counts,
  };
}

/** A monthly measurement of a standard for a partner of quality q (≈0.85 typical). */
function measure(r: Rng, spec: StandardSpec, q: number): number {
  const z = (q - 0.86) / 0.05 + r.normal(0, 1); // > 0: better than typical
  switch (spec.metricKind) {
    case "PERCENTAGE": {
      const spread = (100 - spec.target) * 0.6 + 0.4;
      return round(clamp(spec.target + spread * (0.3 + 0.8 * z), 0, 100), 1);
    }
    case "RATING":
      return round(clamp(spec.target + 0.22 * (0.2 + 0.8 * z), 1, 5), 2);
    case "DURATION":
      return round(Math.max(0, spec.target * Math.exp(-0.18 * (0.3 + 0.8 * z))), 1);
    case "PASS_FAIL":
      return r.chance(1 / (1 + Math.exp(-(1.8 + z)))) ? 1 : 0;
  }
}

// ---------------------------------------------------------------- incidents

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
  adminOf: Map<string, { id: string; email: string }>;
  steward: { id: string; email: string };
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

function planIncidents(a: IncidentArgs) {
  const r = a.rng;
  const { now } = a;
  const candidates = a.partners.filter((p) => a.touchpointsOf(p).length > 0);
  const current = candidates.filter((p) => CURRENT.includes(p.status));
  const weightOf = (p: PlannedPartner) => p.size * Math.pow(1 - p.quality, 1.5);

  type Draft = { plan: IncidentPlan; partner: PlannedPartner };
  const drafts: Draft[] = [];
  for (let i = 0; i < a.count; i++) {
    // The first incidents cover every status and severity; the rest are drawn.
    const status: IncidentStatus = i < INCIDENT_STATUSES.length ? INCIDENT_STATUSES[i] : r.weightedPick(STATUS_WEIGHTS);
    const severity: Severity =
      i < SEVERITIES.length ? SEVERITIES[(i * 3) % SEVERITIES.length] : r.weightedPick(SEVERITY_WEIGHTS);
    const active = status !== "CLOSED" && status !== "RESOLVED";
    const pool = active || status === "RESOLVED" ? current : candidates;
    const partner = r.weighted(pool, pool.map(weightOf));
    const touchpoint = r.pick(a.touchpointsOf(partner));
    const sla = DEFAULT_SLA[severity];
    const q = partner.quality;

    // How this partner handles it: good partners acknowledge and resolve well inside the SLA.
    const slowness = (0.86 - q) * 3.5;
    const ackDelay = Math.max(1, Math.round(sla.ackMinutes * Math.exp(r.normal(Math.log(0.4) + slowness, 0.55))));
    const startDelay = Math.max(2, Math.round(r.int(5, 90) * (severity === "CRITICAL" ? 0.3 : 1)));
    const resolveTotal = Math.max(
      ackDelay + startDelay + 15,
      Math.round(sla.resolveMinutes * Math.exp(r.normal(Math.log(0.45) + slowness, 0.5))),
    );
    const closeDelay = r.int(1, 7) * 1440 + r.int(0, 1439);
    const skipAck = status === "RESOLVED" || status === "CLOSED" ? r.chance(0.05) : false;

    let openedAt: Date;
    let acknowledgedAt: Date | null | undefined;
    let startedAt: Date | undefined;
    let waitingSince: Date | undefined;
    let resolvedAt: Date | undefined;
    let closedAt: Date | undefined;
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
    if (status !== "OPEN") acknowledgedAt = skipAck ? null : addMinutes(openedAt, ackDelay);
    if (acknowledgedAt && status !== "ACKNOWLEDGED") startedAt = addMinutes(acknowledgedAt, startDelay);
    if (status === "WAITING") {
      const from = startedAt!.getTime();
      waitingSince = new Date(from + r.float(0.2, 0.9) * (now.getTime() - from));
    }
    if (status === "RESOLVED" || status === "CLOSED") resolvedAt = addMinutes(openedAt, resolveTotal);
    if (status === "CLOSED") closedAt = addMinutes(resolvedAt!, closeDelay);

    const cats = INCIDENT_CATEGORIES[partner.type];
    const cat = r.pick(cats);
    const customersAffected =
      severity === "CRITICAL"
        ? r.int(8, 80)
        : severity === "HIGH"
          ? r.int(2, 15)
          : severity === "MEDIUM"
            ? r.int(1, 4)
            : 1;
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
      source === "STEWARD"
        ? a.steward.email
        : source === "PARTNER"
          ? partnerLabel
          : `api key ${partner.key}-integration`;
    const description = `${title}. ${customersAffected === 1 ? "One customer" : `${customersAffected} customers`} affected at ${touchpoint.name.toLowerCase()} (${partner.region}). Reported ${source === "API" ? "through the API" : `by ${reporter}`}.`;
    const plan = planIncident({
      tenantId: a.tenantId,
      number: 0, // numbered below, in order of opening
      policy: sla,
      now,
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
        acknowledgedAt,
        startedAt,
        waitingSince,
        resolvedAt,
        closedAt,
        rootCause: status === "RESOLVED" || status === "CLOSED" ? r.pick(cat.rootCauses) : undefined,
        resolution: status === "RESOLVED" || status === "CLOSED" ? r.pick(cat.resolutions) : undefined,
        reporterLabel: reporter,
        partnerLabel,
        partnerActorId: admin?.id ?? null,
        stewardLabel: a.steward.email,
        stewardActorId: a.steward.id,
      },
    });
    drafts.push({ plan, partner });
  }

  drafts.sort((x, y) => x.plan.incident.openedAt.getTime() - y.plan.incident.openedAt.getTime());
  const incidents: IncidentPlan["incident"][] = [];
  const incidentEvents: Prisma.IncidentEventCreateManyInput[] = [];
  const escalations: Prisma.EscalationCreateManyInput[] = [];
  drafts.forEach(({ plan, partner }, index) => {
    const inc = plan.incident;
    inc.number = index + 1;
    if (inc.source === "API") inc.externalRef = `${partner.key.slice(0, 12)}-${10000 + index * 7}`;

    // Escalations the ladder would have made: missed acknowledgement → level 2, missed resolution → level 3.
    const ackDue = new Date(inc.ackDueAt as Date).getTime();
    const resolveDue = new Date(inc.resolveDueAt as Date).getTime();
    const ackAt = (inc.acknowledgedAt ?? inc.resolvedAt) as Date | null;
    const clockEnd = ((inc.resolvedAt as Date | null) ?? (inc.pausedAt as Date | null) ?? now).getTime();
    const ackBreached = (ackAt ? ackAt.getTime() : now.getTime()) > ackDue;
    const resolveBreached = clockEnd > resolveDue;
    const due = escalationsDue({ ackBreached, resolveBreached }, 1);
    for (const e of due) {
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
    plan.events.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    incidents.push(inc);
    incidentEvents.push(...plan.events);
  });
  return { incidents, incidentEvents, escalations };
}

// ---------------------------------------------------------------- writing

async function writePlan(db: Db, tenantId: string, plan: Plan, lap: (what: string) => void) {
  const inBatches = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
  };
  await db.partner.createMany({ data: plan.partners });
  await db.membership.createMany({ data: plan.memberships });
  await db.partnerContact.createMany({ data: plan.contacts });
  await db.alignmentQuestion.createMany({ data: plan.questions });
  await db.alignmentAnswer.createMany({ data: plan.answers });
  await db.touchpoint.createMany({ data: plan.touchpoints });
  await db.touchpointPartner.createMany({ data: plan.touchpointPartners });
  await db.experienceStandard.createMany({ data: plan.standards });
  await db.standardAcknowledgement.createMany({ data: plan.acknowledgements });
  await inBatches(plan.assessments, (data) => db.assessment.createMany({ data }));
  await createSlaPolicies(db, tenantId);
  lap("partners, touchpoints, standards");
  await bulkInsert(db, "Customer", plan.customers, [
    { name: "id", type: "text" },
    { name: "externalRef", type: "text" },
    { name: "name", type: "text" },
    { name: "email", type: "text" },
    { name: "segment", type: '"Segment"' },
    { name: "acquiredAt", type: "timestamp(3)" },
    { name: "acquiringPartnerId", type: "text" },
    { name: "acquisitionCost", type: "numeric" },
    { name: "createdAt", type: "timestamp(3)" },
  ]);
  await bulkInsert(db, "Transaction", plan.transactions, [
    { name: "id", type: "text" },
    { name: "customerId", type: "text" },
    { name: "occurredAt", type: "timestamp(3)" },
    { name: "revenue", type: "numeric" },
    { name: "margin", type: "numeric" },
    { name: "servingPartnerId", type: "text" },
    { name: "touchpointId", type: "text" },
    { name: "channel", type: '"Channel"' },
    { name: "externalRef", type: "text" },
  ]);
  lap(`${plan.customers.length} customers, ${plan.transactions.length} transactions`);
  await bulkInsert(db, "Interaction", plan.interactions, [
    { name: "id", type: "text" },
    { name: "partnerId", type: "text" },
    { name: "touchpointId", type: "text" },
    { name: "customerId", type: "text" },
    { name: "occurredAt", type: "timestamp(3)" },
    { name: "outcome", type: '"InteractionOutcome"' },
    { name: "csat", type: "int" },
    { name: "nps", type: "int" },
    { name: "createdAt", type: "timestamp(3)" },
  ]);
  lap(`${plan.interactions.length} interactions`);
  await inBatches(plan.incidents, (data) => db.incident.createMany({ data }));
  await inBatches(plan.incidentEvents, (data) => db.incidentEvent.createMany({ data }));
  await inBatches(plan.escalations, (data) => db.escalation.createMany({ data }));
  await db.partnerSurveyResponse.createMany({ data: plan.surveyResponses });
  lap(`${plan.incidents.length} incidents`);
}

type BulkColumn<R> = { [K in Exclude<keyof R, "tenantId"> & string]: { name: K; type: string } }[Exclude<
  keyof R,
  "tenantId"
> &
  string];

/**
 * INSERT … SELECT FROM unnest(one array per column), in batches: one parameter per column instead
 * of one per value, about 8× faster than createMany on PGlite for the high-volume tables.
 * Column names are checked against the Prisma input type; values are passed as text and cast.
 */
async function bulkInsert<R extends { tenantId: string }>(db: Db, table: string, rows: R[], columns: BulkColumn<R>[]) {
  if (rows.length === 0) return;
  const tenantId = rows[0].tenantId;
  if (rows.some((r) => r.tenantId !== tenantId)) throw new Error(`bulkInsert ${table}: rows of several tenants`);
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" ("tenantId", ${names}) SELECT $1::text, u.* FROM unnest(${arrays}) AS u`;
  const toSql = (v: unknown) =>
    v === undefined || v === null ? null : v instanceof Date ? v.toISOString() : typeof v === "number" ? v : String(v);
  const batch = BATCH * 2;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const params = columns.map((c) => chunk.map((r) => toSql(r[c.name as keyof R])));
    await db.$executeRawUnsafe(sql, tenantId, ...params);
  }
}
