import { createHash, randomUUID } from "node:crypto";
import { uuidv7 } from "@/lib/api/ids";
import { inviteAfterInteractions } from "@/lib/feedback/invite";
import { MAX_SURVEY_AGE_DAYS } from "@/lib/tenants/settings";
import type { Db } from "@/lib/db/scope";
import { contentKeys, IMPORT_FIELDS, MAX_IMPORT_BATCH, type ImportKind } from "./kinds";
import { isWebUrl } from "@/lib/validation/web-url";

// One batch of an import: every row is checked and the valid ones are written set-based (one
// lookup query per referenced kind, one insert), skipping rows already imported. Re-importing a file
// creates nothing twice: partners are unique by name, customers by reference, and transactions and
// interactions by their reference (given, or derived from the row's content and its occurrence).

export { MAX_IMPORT_BATCH };

export type ImportRow = { row: number; values: Record<string, string>; key?: string };
type ImportError = { row: number; field: string; message: string };
export type BatchResult = { created: number; existing: number; errors: ImportError[] };
export type ImportOptions = { marginPercent?: number };

const PARTNER_TYPES = [
  "DELIVERY",
  "INSTALLER",
  "RESELLER",
  "RETAILER",
  "SERVICE",
  "HOST",
  "CURBSIDE",
  "OTHER",
] as const;
const PARTNER_STATUSES = ["PROSPECT", "VETTING", "ACTIVE", "PROBATION", "OFFBOARDED"] as const;
const PARTNER_TIERS = ["REGISTERED", "SILVER", "GOLD", "PLATINUM"] as const;
const CHANNELS = ["ONLINE", "STORE", "PHONE", "FIELD"] as const;
const OUTCOMES = ["SUCCESS", "PARTIAL", "FAILURE"] as const;
const SEGMENTS = ["B2C", "B2B"] as const;

/** 2026-03-01, 2026-03-01T10:00:00Z (any ISO 8601 date-time) or 20260301; null when invalid. */
export function parseImportDate(value: string): Date | null {
  const v = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
  }
  m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(v);
  if (m) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** A decimal amount ("1234.5", "1,234.50", "-3"); null when invalid. */
export function parseAmount(value: string): number | null {
  const v = value.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return Math.abs(n) <= 1e9 ? Math.round(n * 100) / 100 : null;
}

class RowChecker {
  errors: ImportError[] = [];
  private failed = new Set<number>();
  constructor(private kind: ImportKind) {}
  private label(field: string) {
    return IMPORT_FIELDS[this.kind].find((f) => f.key === field)?.label ?? field;
  }
  fail(row: number, field: string, message: string) {
    this.errors.push({ row, field: this.label(field), message });
    this.failed.add(row);
  }
  ok(row: number) {
    return !this.failed.has(row);
  }
  text(r: ImportRow, field: string, { required = false, max = 200 } = {}): string | null {
    const v = (r.values[field] ?? "").trim();
    if (!v) {
      if (required) this.fail(r.row, field, "Required, but empty.");
      return null;
    }
    if (v.length > max) {
      this.fail(r.row, field, `Use at most ${max} characters.`);
      return null;
    }
    return v;
  }
  /** An http(s) URL, by the same rule as the partner form (lib/validation/web-url.ts). */
  webUrl(r: ImportRow, field: string): string | null {
    const v = this.text(r, field, { max: 500 });
    if (v !== null && !isWebUrl(v)) {
      this.fail(r.row, field, `“${v.slice(0, 80)}” is not a web address: use one starting with http:// or https://.`);
      return null;
    }
    return v;
  }
  oneOf<T extends string>(r: ImportRow, field: string, options: readonly T[], { required = false } = {}): T | null {
    const v = this.text(r, field, { required, max: 40 });
    if (v === null) return null;
    const upper = v.toUpperCase().replace(/[\s-]+/g, "_") as T;
    if (!options.includes(upper)) {
      this.fail(r.row, field, `“${v}” is not one of ${options.join(", ")}.`);
      return null;
    }
    return upper;
  }
  date(r: ImportRow, field: string, { required = false } = {}): Date | null {
    const v = this.text(r, field, { required, max: 40 });
    if (v === null) return null;
    const d = parseImportDate(v);
    if (!d) this.fail(r.row, field, `“${v}” is not a date (use YYYY-MM-DD, an ISO date-time, or YYYYMMDD).`);
    return d;
  }
  amount(r: ImportRow, field: string, { required = false, min = -1e9 } = {}): number | null {
    const v = this.text(r, field, { required, max: 40 });
    if (v === null) return null;
    const n = parseAmount(v);
    if (n === null) this.fail(r.row, field, `“${v}” is not an amount.`);
    else if (n < min) this.fail(r.row, field, `May not be below ${min}.`);
    return n;
  }
  int(r: ImportRow, field: string, min: number, max: number): number | null {
    const v = this.text(r, field, { max: 10 });
    if (v === null) return null;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.fail(r.row, field, `Use a whole number from ${min} to ${max}.`);
      return null;
    }
    return Number(v);
  }
}

type Lookups = { partners: Map<string, string>; touchpoints: Map<string, string>; customers: Map<string, string> };

/**
 * The ids of the partners and touchpoints (by id or by name) and customers (by reference) that this
 * batch names, in one query (one round trip per batch, not one per kind).
 */
async function lookup(
  db: Db,
  tenantId: string,
  wanted: { partners?: string[]; touchpoints?: string[]; customers?: string[] },
): Promise<Lookups> {
  const distinct = (values: string[] = []) => [...new Set(values.filter(Boolean))];
  const [partners, touchpoints, customers] = [
    distinct(wanted.partners),
    distinct(wanted.touchpoints),
    distinct(wanted.customers),
  ];
  const result: Lookups = { partners: new Map(), touchpoints: new Map(), customers: new Map() };
  if (!partners.length && !touchpoints.length && !customers.length) return result;
  const rows = await db.$queryRaw<{ kind: "p" | "t" | "c"; id: string; name: string }[]>`
    select 'p' as kind, "id", "name" from "Partner"
    where ${partners.length > 0} and "tenantId" = ${tenantId} and ("id" = any(${partners}::text[]) or "name" = any(${partners}::text[]))
    union all
    select 't', "id", "name" from "Touchpoint"
    where ${touchpoints.length > 0} and "tenantId" = ${tenantId} and ("id" = any(${touchpoints}::text[]) or "name" = any(${touchpoints}::text[]))
    union all
    select 'c', "id", "externalRef" from "Customer"
    where ${customers.length > 0} and "tenantId" = ${tenantId} and "externalRef" = any(${customers}::text[])`;
  for (const r of rows) {
    if (r.kind === "c") result.customers.set(r.name, r.id);
    else {
      const map = r.kind === "p" ? result.partners : result.touchpoints;
      map.set(r.id, r.id);
      map.set(r.name, r.id);
    }
  }
  return result;
}

const valuesOf = (rows: ImportRow[], field: string) => rows.map((r) => (r.values[field] ?? "").trim());

/** The stored reference of a row without one: a hash of the kind and the row's content key. */
function derivedRef(kind: ImportKind, key: string): string {
  return `imp_${createHash("sha256").update(`${kind}\u001f${key}`).digest("base64url").slice(0, 32)}`;
}

/** The content key of row i: the one sent with it, else derived from the batch (computed only when needed). */
function keysFor(rows: ImportRow[]): (i: number) => string {
  let fallback: string[] | null = null;
  return (i) => {
    const sent = rows[i].key;
    if (sent !== undefined) return sent;
    fallback ??= contentKeys(rows.map((r) => r.values));
    return fallback[i];
  };
}

export async function importRows(
  db: Db,
  tenantId: string,
  kind: ImportKind,
  rows: ImportRow[],
  options: ImportOptions = {},
): Promise<BatchResult> {
  if (rows.length > MAX_IMPORT_BATCH) throw new Error(`At most ${MAX_IMPORT_BATCH} rows per batch`);
  switch (kind) {
    case "partners":
      return importPartners(db, tenantId, rows);
    case "customers":
      return importCustomers(db, tenantId, rows);
    case "transactions":
      return importTransactions(db, tenantId, rows, options);
    case "interactions":
      return importInteractions(db, tenantId, rows);
  }
}

async function importPartners(db: Db, tenantId: string, rows: ImportRow[]): Promise<BatchResult> {
  const c = new RowChecker("partners");
  const data = rows.flatMap((r) => {
    const name = c.text(r, "name", { required: true, max: 120 });
    const type = c.oneOf(r, "type", PARTNER_TYPES, { required: true });
    const region = c.text(r, "region", { required: true, max: 80 });
    const status = c.oneOf(r, "status", PARTNER_STATUSES);
    const tier = c.oneOf(r, "tier", PARTNER_TIERS);
    const website = c.webUrl(r, "website");
    if (!c.ok(r.row)) return [];
    return [
      {
        tenantId,
        name: name!,
        type: type!,
        region: region!,
        status: status ?? "PROSPECT",
        tier: tier ?? "REGISTERED",
        website,
      },
    ];
  });
  const { count } = data.length ? await db.partner.createMany({ data, skipDuplicates: true }) : { count: 0 };
  return { created: count, existing: data.length - count, errors: c.errors };
}

async function importCustomers(db: Db, tenantId: string, rows: ImportRow[]): Promise<BatchResult> {
  const c = new RowChecker("customers");
  const { partners } = await lookup(db, tenantId, { partners: valuesOf(rows, "acquiringPartner") });
  const valid = rows.flatMap((r) => {
    const externalRef = c.text(r, "externalRef", { required: true, max: 128 });
    const acquiredAt = c.date(r, "acquiredAt", { required: true });
    const segment = c.oneOf(r, "segment", SEGMENTS);
    const name = c.text(r, "name", { max: 200 });
    const email = c.text(r, "email", { max: 254 });
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      c.fail(r.row, "email", `“${email}” is not an e-mail address.`);
    const partnerValue = c.text(r, "acquiringPartner", { max: 120 });
    const acquiringPartnerId = partnerValue ? (partners.get(partnerValue) ?? null) : null;
    if (partnerValue && !acquiringPartnerId) c.fail(r.row, "acquiringPartner", `No partner named “${partnerValue}”.`);
    if (!c.ok(r.row)) return [];
    return [
      {
        externalRef: externalRef!,
        acquiredAt: acquiredAt!,
        segment: segment ?? "B2C",
        name,
        email,
        acquiringPartnerId,
      },
    ];
  });
  // One row per customer: a file of purchases repeats the customer; the earliest date wins.
  const byRef = new Map<string, (typeof valid)[number]>();
  for (const v of valid) {
    const seen = byRef.get(v.externalRef);
    if (!seen) byRef.set(v.externalRef, { ...v });
    else {
      if (v.acquiredAt < seen.acquiredAt) seen.acquiredAt = v.acquiredAt;
      seen.name ??= v.name;
      seen.email ??= v.email;
      seen.acquiringPartnerId ??= v.acquiringPartnerId;
    }
  }
  const unique = [...byRef.values()];
  let created = 0;
  if (unique.length) {
    const inserted = await db.$queryRaw<{ inserted: boolean }[]>`
      insert into "Customer" ("tenantId", "id", "externalRef", "name", "email", "segment", "acquiredAt", "acquiringPartnerId", "createdAt")
      select ${tenantId}, x.id, x.ref, x.name, x.email, x.segment::"Segment", x.acquired::timestamp, x.partner, now()
      from unnest(
        ${unique.map(() => randomUUID())}::text[], ${unique.map((u) => u.externalRef)}::text[], ${unique.map((u) => u.name)}::text[],
        ${unique.map((u) => u.email)}::text[], ${unique.map((u) => u.segment)}::text[], ${unique.map((u) => u.acquiredAt.toISOString())}::text[],
        ${unique.map((u) => u.acquiringPartnerId)}::text[]
      ) as x(id, ref, name, email, segment, acquired, partner)
      order by x.ref
      on conflict ("tenantId", "externalRef") do update set "acquiredAt" = least("Customer"."acquiredAt", excluded."acquiredAt")
      returning (xmax = 0) as inserted`;
    created = inserted.filter((r) => r.inserted).length;
  }
  return { created, existing: valid.length - created, errors: c.errors };
}

async function importTransactions(
  db: Db,
  tenantId: string,
  rows: ImportRow[],
  options: ImportOptions,
): Promise<BatchResult> {
  const c = new RowChecker("transactions");
  const marginRate = (options.marginPercent ?? 100) / 100;
  const { customers, partners } = await lookup(db, tenantId, {
    customers: valuesOf(rows, "customerRef"),
    partners: valuesOf(rows, "servingPartner"),
  });
  const keys = keysFor(rows);
  const data = rows.flatMap((r, i) => {
    const customerRef = c.text(r, "customerRef", { required: true, max: 128 });
    const customerId = customerRef ? customers.get(customerRef) : undefined;
    if (customerRef && !customerId)
      c.fail(r.row, "customerRef", `No customer with reference “${customerRef}”; import customers first.`);
    const occurredAt = c.date(r, "occurredAt", { required: true });
    const revenue = c.amount(r, "revenue", { required: true });
    const margin = c.amount(r, "margin");
    const partnerValue = c.text(r, "servingPartner", { max: 120 });
    const servingPartnerId = partnerValue ? (partners.get(partnerValue) ?? null) : null;
    if (partnerValue && !servingPartnerId) c.fail(r.row, "servingPartner", `No partner named “${partnerValue}”.`);
    const channel = c.oneOf(r, "channel", CHANNELS);
    const externalRef = c.text(r, "externalRef", { max: 128 }) ?? derivedRef("transactions", keys(i));
    if (!c.ok(r.row)) return [];
    return [
      {
        tenantId,
        customerId: customerId!,
        occurredAt: occurredAt!,
        revenue: revenue!,
        margin: margin ?? Math.round(revenue! * marginRate * 100) / 100,
        servingPartnerId,
        channel,
        externalRef,
      },
    ];
  });
  // One statement, the rows sent as one JSON parameter (see importInteractions): a row whose
  // reference is already known is skipped.
  const json = JSON.stringify(
    data.map((d) => ({
      id: uuidv7(),
      customer: d.customerId,
      at: d.occurredAt.toISOString(),
      revenue: d.revenue.toFixed(2),
      margin: d.margin.toFixed(2),
      partner: d.servingPartnerId,
      channel: d.channel,
      ref: d.externalRef,
    })),
  );
  const count = data.length
    ? await db.$executeRaw`
      insert into "Transaction" ("tenantId", "id", "customerId", "occurredAt", "revenue", "margin", "servingPartnerId", "channel", "externalRef")
      select ${tenantId}, x.id, x.customer, x.at::timestamp, x.revenue::numeric, x.margin::numeric, x.partner, x.channel::"Channel", x.ref
      from json_to_recordset(${json}::json) as x(id text, customer text, at text, revenue text, margin text, partner text, channel text, ref text)
      order by x.ref
      on conflict do nothing`
    : 0;
  return { created: count, existing: data.length - count, errors: c.errors };
}

async function importInteractions(db: Db, tenantId: string, rows: ImportRow[]): Promise<BatchResult> {
  const c = new RowChecker("interactions");
  const { partners, touchpoints, customers } = await lookup(db, tenantId, {
    partners: valuesOf(rows, "partner"),
    touchpoints: valuesOf(rows, "touchpoint"),
    customers: valuesOf(rows, "customerRef"),
  });
  const keys = keysFor(rows);
  const data = rows.flatMap((r, i) => {
    const partnerValue = c.text(r, "partner", { required: true, max: 120 });
    const partnerId = partnerValue ? partners.get(partnerValue) : undefined;
    if (partnerValue && !partnerId) c.fail(r.row, "partner", `No partner named “${partnerValue}”.`);
    const touchpointValue = c.text(r, "touchpoint", { required: true, max: 120 });
    const touchpointId = touchpointValue ? touchpoints.get(touchpointValue) : undefined;
    if (touchpointValue && !touchpointId) c.fail(r.row, "touchpoint", `No touchpoint named “${touchpointValue}”.`);
    const occurredAt = c.date(r, "occurredAt", { required: true });
    const outcome = c.oneOf(r, "outcome", OUTCOMES, { required: true });
    const csat = c.int(r, "csat", 1, 5);
    const nps = c.int(r, "nps", 0, 10);
    const customerRef = c.text(r, "customerRef", { max: 128 });
    const customerId = customerRef ? (customers.get(customerRef) ?? null) : null;
    if (customerRef && !customerId) c.fail(r.row, "customerRef", `No customer with reference “${customerRef}”.`);
    const externalRef = c.text(r, "externalRef", { max: 128 }) ?? derivedRef("interactions", keys(i));
    if (!c.ok(r.row)) return [];
    return [
      {
        tenantId,
        partnerId: partnerId!,
        touchpointId: touchpointId!,
        customerId,
        occurredAt: occurredAt!,
        outcome: outcome!,
        csat,
        nps,
        externalRef,
      },
    ];
  });
  // One statement, the rows sent as one JSON parameter (a single value to bind instead of one array
  // per column, which cost the driver more time than PostgreSQL took for the insert); a row whose
  // reference is already known is skipped. Rows go in in reference order, so two imports running at
  // once that share a key lock it in the same order (no deadlock).
  const json = JSON.stringify(
    data.map((d) => ({
      id: uuidv7(),
      partner: d.partnerId,
      touchpoint: d.touchpointId,
      customer: d.customerId,
      at: d.occurredAt.toISOString(),
      outcome: d.outcome,
      csat: d.csat,
      nps: d.nps,
      ref: d.externalRef,
    })),
  );
  // The count, and the ids of the new rows recent enough for a survey (inviteAfterInteractions checks the rest).
  const recentSince = new Date(Date.now() - MAX_SURVEY_AGE_DAYS * 86_400_000);
  const [inserted] = data.length
    ? await db.$queryRaw<{ count: number; recent: string[] }[]>`
      with ins as (
        insert into "Interaction" ("tenantId", "id", "partnerId", "touchpointId", "customerId", "occurredAt", "outcome", "csat", "nps", "externalRef", "createdAt")
        select ${tenantId}, x.id, x.partner, x.touchpoint, x.customer, x.at::timestamp, x.outcome::"InteractionOutcome", x.csat, x.nps, x.ref, now() at time zone 'UTC'
        from json_to_recordset(${json}::json) as x(id text, partner text, touchpoint text, customer text, at text, outcome text, csat int, nps int, ref text)
        order by x.ref
        on conflict do nothing
        returning "id", "customerId", "occurredAt"
      )
      select count(*)::int as count,
             coalesce(array_agg("id") filter (where "customerId" is not null and "occurredAt" >= ${recentSince}), '{}') as recent
      from ins`
    : [{ count: 0, recent: [] }];
  await inviteAfterInteractions(db, tenantId, inserted.recent);
  return { created: inserted.count, existing: data.length - inserted.count, errors: c.errors };
}
