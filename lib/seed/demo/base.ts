/** The base plan, made before any user exists: the partners (with their quality and contract span), users and logins. */
import { monthStart } from "@/lib/months";
import { createRng, type Rng } from "../random";
import { FIRST_NAMES, LAST_NAMES } from "./catalogue/names";
import { PARTNER_CATALOGUE, SMALL_SLOTS, type PartnerSpec } from "./catalogue/partners";
import {
  CURRENT,
  OPERATING,
  SIZES,
  addDays,
  addMonths,
  clamp,
  dateOnly,
  slugify,
  type DemoLogins,
  type Resolved,
} from "./options";

export type PlannedPartner = PartnerSpec & {
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

export type Base = {
  partners: PlannedPartner[];
  users: UserSpec[];
  logins: DemoLogins;
  loginPartner: PlannedPartner;
};

/** The full catalogue, or the small scale's slots filled with names drawn from the catalogue. */
function partnerSpecs(opts: Resolved, rng: Rng): PartnerSpec[] {
  if (opts.scale === "full") return PARTNER_CATALOGUE.map((p) => ({ ...p }));
  const used = new Set<string>();
  return SMALL_SLOTS.map((slot) => {
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

/** One partner: its quality and trend, and for an operating partner its contract and operating span. */
function planPartner(spec: PartnerSpec, now: Date, rng: Rng, ids: Rng): PlannedPartner {
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
}

/** The workspace's three users, an admin for every current partner and an agent for the biggest ones. */
function planUsers(opts: Resolved, partners: PlannedPartner[], loginPartner: PlannedPartner, rng: Rng): UserSpec[] {
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
  return users;
}

export function planBase(opts: Resolved): Base {
  const rng = createRng(opts.seed).fork("partners");
  const ids = createRng(opts.seed).fork("partner-ids");
  const partners = partnerSpecs(opts, rng).map((spec) => planPartner(spec, opts.asOf, rng, ids));

  const loginPartner =
    partners.find((p) => p.name === "Swift Couriers" && p.status === "ACTIVE") ??
    partners.find((p) => p.type === "DELIVERY" && p.status === "ACTIVE") ??
    partners.find((p) => p.status === "ACTIVE")!;
  const users = planUsers(opts, partners, loginPartner, rng);

  const email = (local: string) => `${local}@${opts.domain}`.toLowerCase();
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
