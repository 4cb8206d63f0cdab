/**
 * The demo tenants' defection effect (issue 19, part 4). The demo seed draws purchases and incidents
 * independently, so an incident changed nothing a customer did afterwards and the Defection page would
 * measure ~0. This step plants what the survey describes, in the customers' own history:
 * - after their first incident, a share of the customers named stop buying (their later purchases are
 *   removed): 55 % of B2B and 40 % of B2C customers — below the survey's 66 % / 52 %, so the page shows
 *   the workspace's own figure differing from the survey's;
 * - after their first good interaction (CSAT ≥ 4 or NPS ≥ 9), 35 % of the customers without an incident
 *   come back for one more purchase 1–8 weeks later, at their own average order.
 * The demo's incidents cover its last 12 months; a 90-day window (the demo's customers buy every
 * few months) leaves 9 of them measurable, where the default 180 days would leave 6.
 * Runs once, right after the tenant is seeded and before customer values are computed (they are fitted
 * on the transactions this changes). Deterministic: lib/seed/random.ts, forked per tenant seed.
 */
import { withTenant } from "@/lib/db/scope";
import { getTenantSettings, updateTenantSettings } from "@/lib/tenants/settings";
import { requestDefectionRun, runDefectionJob } from "@/lib/defection/job";
import { createRng } from "./random";

const DEFECT = { B2B: 0.55, B2C: 0.4 } as const;
const COME_BACK = 0.35;
const DAY = 86_400_000;

export async function plantDemoDefection(tenantId: string, today: Date, seed: number) {
  const rng = createRng(`demo-defection-${seed}`);
  return withTenant(
    { tenantId },
    async (db) => {
      const hit = await db.$queryRaw<{ cid: string; at: Date; segment: "B2B" | "B2C" }[]>`
        select distinct on (i."customerId") i."customerId" as cid, i."openedAt" as at, c.segment::text as segment
        from "Incident" i join "Customer" c on c."tenantId" = i."tenantId" and c.id = i."customerId"
        where i."tenantId" = ${tenantId} and i."customerId" is not null
        order by i."customerId", i."openedAt"`;
      const left = hit.filter((h) => rng.chance(DEFECT[h.segment]));
      const removed = await db.$executeRaw`
        delete from "Transaction" t
        using unnest(${left.map((h) => h.cid)}::text[], ${left.map((h) => h.at)}::timestamptz[]) as u(cid, at)
        where t."tenantId" = ${tenantId} and t."customerId" = u.cid and t."occurredAt" > u.at`;

      const pleased = await db.$queryRaw<{ cid: string; at: Date }[]>`
        select distinct on (x."customerId") x."customerId" as cid, x."occurredAt" as at
        from "Interaction" x
        where x."tenantId" = ${tenantId} and x."customerId" is not null and (x.csat >= 4 or x.nps >= 9)
          and not exists (select 1 from "Incident" i where i."tenantId" = ${tenantId} and i."customerId" = x."customerId")
        order by x."customerId", x."occurredAt"`;
      const back = pleased
        .filter(() => rng.chance(COME_BACK))
        .map((p) => ({ ...p, on: new Date(p.at.getTime() + rng.int(7, 56) * DAY) }))
        .filter((p) => p.on.getTime() < today.getTime());
      const added = await db.$executeRaw`
        insert into "Transaction" ("tenantId", id, "customerId", "occurredAt", revenue, margin, channel)
        select ${tenantId}, u.id, u.cid, u.boughtat, round(avg(t.revenue), 2), round(avg(t.margin), 2), 'ONLINE'::"Channel"
        from unnest(${back.map((p) => rng.uuid(p.on.getTime()))}::text[], ${back.map((p) => p.cid)}::text[],
                    ${back.map((p) => p.on)}::timestamptz[]) as u(id, cid, boughtat)
        join "Transaction" t on t."tenantId" = ${tenantId} and t."customerId" = u.cid
        group by u.id, u.cid, u.boughtat`;
      const value = (await getTenantSettings(db, tenantId)).value;
      await updateTenantSettings(db, tenantId, "value", { ...value, defectionWindowDays: 90 });
      return { customersLeft: left.length, purchasesRemoved: removed, purchasesAdded: added };
    },
    { timeoutMs: 120_000 },
  );
}

/** The demo's stored measurement, so the Defection page shows figures at first login (the job run as queued). */
export async function storeDemoDefection(tenantId: string, today: Date) {
  const jobId = await withTenant({ tenantId }, (db) => requestDefectionRun(db, tenantId, null, today));
  await runDefectionJob(tenantId, jobId);
}
