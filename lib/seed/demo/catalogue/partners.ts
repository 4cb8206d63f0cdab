/** The demo's partners: the full-scale catalogue (names, types, sizes, quality) and the small scale's slots. */
import type { PartnerStatus, PartnerTier, PartnerType } from "@/generated/prisma/client";

export type PartnerSpec = {
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

export const PARTNER_CATALOGUE: PartnerSpec[] = [
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
export const SMALL_SLOTS: {
  type: PartnerType;
  status: PartnerStatus;
  tier: PartnerTier;
  size: number;
  quality?: number;
}[] = [
  { type: "DELIVERY", status: "ACTIVE", tier: "GOLD", size: 2.5, quality: 0.92 },
  { type: "INSTALLER", status: "ACTIVE", tier: "SILVER", size: 1.2 },
  { type: "RESELLER", status: "ACTIVE", tier: "PLATINUM", size: 2.0 },
  { type: "RETAILER", status: "ACTIVE", tier: "SILVER", size: 1.2 },
  { type: "DELIVERY", status: "PROBATION", tier: "REGISTERED", size: 1.0, quality: 0.7 },
  { type: "SERVICE", status: "VETTING", tier: "REGISTERED", size: 1.0 },
];

export const PARTNER_DESCRIPTIONS: Record<PartnerType, string> = {
  DELIVERY: "Two-person delivery of large appliances into the home, with haul-away of the old unit.",
  INSTALLER: "Certified installers for kitchen and laundry appliances (plumbing, gas and electrical).",
  RESELLER: "Online reseller of our appliance range, with its own web shop and marketplace listings.",
  RETAILER: "Bricks-and-mortar stores with appliance floor space and consultation corners.",
  SERVICE: "Contact-centre and field-service partner for advice, repairs and warranty work.",
  HOST: "Hosts pop-up demo kitchens and consultation events.",
  CURBSIDE: "Curbside and locker pickup for small appliances and accessories.",
  OTHER: "Partner.",
};
