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
 *
 * The code lives in lib/seed/demo/: the catalogue (fixed names, partners, touchpoints, standards,
 * incident categories), the base plan (partners, users, logins), one planner per entity and the writer.
 */

import type { Tenant } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { cachedPasswordHash } from "./factories";
import { planBase } from "./demo/base";
import {
  DEFAULT_DEMO_SLUG,
  demoTenantId,
  resolveOptions,
  type DemoCounts,
  type DemoLogins,
  type SeedDemoOptions,
} from "./demo/options";
import { planRows } from "./demo/plan";
import { writePlan } from "./demo/writer";

export { demoTenantId, type DemoLogins, type DemoScale, type SeedDemoOptions } from "./demo/options";
export { planDemoRows } from "./demo/plan";

export type DemoSeedResult = { tenant: Tenant; logins: DemoLogins; counts: DemoCounts; asOf: Date };

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
