/**
 * Value scenario: a large tenant (200,000 customers, 2,000,000 transactions, 200,000
 * interactions, 2,000 incidents) built once with set-based SQL (generate_series), then the
 * timings of the CLV recompute (read, fit + score, write of snapshots) and of the rollups.
 */
import pg from "pg";
import { withTenant } from "@/lib/db/scope";
import { recomputeCustomerValues } from "@/lib/value/recompute";
import { equityRollups } from "@/lib/value/rollups";
import { equityAtRiskRollup } from "@/lib/value/equity-at-risk";
import { valuePeriod } from "@/lib/value/tenant-data";
import type { BenchResult, BenchScenario } from "./types";

const TENANT = "bench-value-tenant";
const CUSTOMERS = 200_000;
const TRANSACTIONS = 2_000_000;
/** Bumped when the generated data changes, so an old build is replaced. */
const DATA_VERSION = "Bench value (data v2)";

async function buildTenant(url: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select set_config('app.tenant_id', $1, false)`, [TENANT]);
    const { rows } = await client.query(
      `select (select name from "Tenant" where id = $1) as name, (select count(*)::int from "Transaction" where "tenantId" = $1) as n`,
      [TENANT],
    );
    if (rows[0].name === DATA_VERSION && rows[0].n === TRANSACTIONS) {
      log(`large tenant already present (${TRANSACTIONS.toLocaleString()} transactions)`);
      return;
    }
    log("building the large tenant (once; a few minutes)…");
    const started = performance.now();
    await client.query("begin");
    // FORCE ROW LEVEL SECURITY applies to the owner too: name the tenant for this transaction.
    await client.query(`select set_config('app.tenant_id', $1, true)`, [TENANT]);
    await client.query(`delete from "Tenant" where id = $1`, [TENANT]);
    await client.query(`select setseed(0.42)`);
    await client.query(`insert into "Tenant" (id, slug, name) values ($1, 'bench-value', $2)`, [TENANT, DATA_VERSION]);
    await client.query(
      `insert into "Partner" ("tenantId", id, name, type, status, region, "updatedAt")
       select $1, 'bp' || lpad(g::text, 2, '0'), 'Bench partner ' || g, 'RESELLER', 'ACTIVE', 'North', now() from generate_series(0, 19) g`,
      [TENANT],
    );
    await client.query(
      `insert into "Touchpoint" ("tenantId", id, name, stage, channel)
       select $1, 'bt' || g, 'Bench touchpoint ' || g, 'engage', 'ONLINE' from generate_series(0, 4) g`,
      [TENANT],
    );
    // customers acquired over the last 1,000 days; a third acquired by a partner
    await client.query(
      `insert into "Customer" ("tenantId", id, name, segment, "acquiredAt", "acquiringPartnerId")
       select $1, 'bc' || lpad(g::text, 6, '0'), 'Bench customer ' || g,
              (case when g % 5 = 0 then 'B2B' else 'B2C' end)::"Segment",
              date_trunc('day', now()) - make_interval(days => 1 + floor(random() * 1000)::int, secs => floor(random() * 86000)::int),
              case when g % 3 = 0 then 'bp' || lpad((g % 20)::text, 2, '0') end
       from generate_series(1, ${CUSTOMERS}) g`,
      [TENANT],
    );
    // the first purchase at acquisition, then repeat purchases (skewed towards some customers)
    // spread over each customer's own active lifetime (which ends before today for most)
    await client.query(
      `insert into "Transaction" ("tenantId", id, "customerId", "occurredAt", revenue, margin, "servingPartnerId", channel)
       select $1, 'bx' || c.id, c.id, c."acquiredAt", 100, round((10 + random() * 60)::numeric, 2),
              case when random() < 0.7 then 'bp' || lpad(floor(random() * 20)::text, 2, '0') end,
              (array['ONLINE','STORE','PHONE','FIELD'])[1 + floor(random() * 4)::int]::"Channel"
       from "Customer" c where c."tenantId" = $1`,
      [TENANT],
    );
    // Repeat purchases: a Poisson process per customer (rate ~ exponential across customers)
    // until the customer silently drops out (lifetime ~ exponential, mean 400 days) — the
    // kind of history BG/NBD is for. About 2.2M candidates are drawn and exactly 1.8M kept
    // at random (thinning keeps the processes Poisson).
    await client.query(`create temporary table bench_life on commit drop as
       select c.id, c."acquiredAt" as born,
              least(extract(epoch from now() - c."acquiredAt"), -ln(1 - random()) * 400 * 86400.0) as active_s,
              -ln(1 - random()) * 0.04 as rate_per_day
       from "Customer" c where c."tenantId" = $1`, [TENANT]);
    await client.query(
      `insert into "Transaction" ("tenantId", id, "customerId", "occurredAt", revenue, margin, "servingPartnerId", channel)
       select $1, 'bx' || row_number() over (), r.id, r.at, 100, round((5 + random() * 80)::numeric, 2),
              case when random() < 0.7 then 'bp' || lpad(floor(random() * 20)::text, 2, '0') end,
              (array['ONLINE','STORE','PHONE','FIELD'])[1 + floor(random() * 4)::int]::"Channel"
       from (
         select l.id, l.born + random() * l.active_s * interval '1 second' as at
         from bench_life l
         cross join lateral generate_series(1, floor(l.rate_per_day * l.active_s / 86400.0 * 1.25 + random())::int) g
         order by random()
         limit ${TRANSACTIONS - CUSTOMERS}
       ) r`,
      [TENANT],
    );
    await client.query(
      `insert into "Interaction" ("tenantId", id, "partnerId", "touchpointId", "customerId", "occurredAt", outcome)
       select $1, 'bi' || c.id, 'bp' || lpad(floor(random() * 20)::text, 2, '0'), 'bt' || floor(random() * 5)::int, c.id, c."acquiredAt", 'SUCCESS'
       from "Customer" c where c."tenantId" = $1`,
      [TENANT],
    );
    await client.query(
      `insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", "customerId", severity, category, title, description,
                               "customersAffected", source, "openedAt", "updatedAt")
       select $1, 'bn' || g, g, 'bp' || lpad((g % 20)::text, 2, '0'), 'bt' || (g % 5), case when g % 2 = 0 then 'bc' || lpad((g * 97 % ${CUSTOMERS} + 1)::text, 6, '0') end,
              'MEDIUM', 'Late delivery', 'Bench incident ' || g, 'Generated', 1 + g % 7, 'STEWARD', now() - make_interval(days => g % 300), now()
       from generate_series(1, 2000) g`,
      [TENANT],
    );
    await client.query("commit");
    await client.query(`analyze "Customer"; analyze "Transaction"; analyze "Interaction"; analyze "Incident"`);
    log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

const seconds = (ms: number) => Math.round(ms) / 1000;

export const valueScenario: BenchScenario = {
  name: "value",
  description: "CLV fit + score of 200,000 customers (2,000,000 transactions) and the equity rollups, on PostgreSQL",
  async run({ databaseUrl, log }) {
    await buildTenant(databaseUrl, log);
    const results: BenchResult[] = [];
    const scenario = "value";

    const full = await recomputeCustomerValues(TENANT, { force: true });
    const t = full.timings;
    log(`recompute: ${full.customers} customers, ${full.written} snapshots written, equity ${full.totalEquity.toFixed(0)}`);
    results.push({ scenario, figure: "read history (SQL, per-customer aggregates)", value: seconds(t.readMs), unit: "s" });
    results.push({ scenario, figure: "fit BG/NBD + Gamma-Gamma + holdout refit", value: seconds(t.fitMs), unit: "s" });
    results.push({ scenario, figure: "score 200k customers (CLV, P(alive))", value: seconds(t.scoreMs), unit: "s" });
    results.push({ scenario, figure: "fit + score", value: seconds(t.fitMs + t.scoreMs), unit: "s", goal: "< 10 s", pass: t.fitMs + t.scoreMs < 10_000 });
    results.push({ scenario, figure: "write snapshots (upsert, batches of 5,000)", value: seconds(t.writeMs), unit: "s" });
    results.push({ scenario, figure: "recompute end to end", value: seconds(t.readMs + t.fitMs + t.scoreMs + t.writeMs), unit: "s" });

    const rerun = await recomputeCustomerValues(TENANT, { force: true });
    results.push({ scenario, figure: "forced rerun, unchanged data (rows written)", value: rerun.written, unit: "rows" });
    results.push({ scenario, figure: "forced rerun end to end", value: seconds(Object.values(rerun.timings).reduce((s, v) => s + v, 0)), unit: "s" });
    let started = performance.now();
    const skipped = await recomputeCustomerValues(TENANT);
    results.push({ scenario, figure: "incremental rerun (nothing changed: skipped)", value: seconds(performance.now() - started), unit: "s", pass: skipped.skipped });

    const asOf = valuePeriod(new Date()).asOf;
    started = performance.now();
    const rollups = await withTenant({ tenantId: TENANT }, (db) => equityRollups(db, TENANT, asOf), { timeoutMs: 120_000 });
    const rollupMs = performance.now() - started;
    log(`rollups: total ${rollups.total.equity.toFixed(0)} over ${rollups.total.customers} customers, ${rollups.byServingPartner.length} serving-partner rows`);
    results.push({ scenario, figure: "equity rollups (total, partner served/acquired, touchpoint, segment, channel)", value: seconds(rollupMs), unit: "s", goal: "< 2 s", pass: rollupMs < 2_000 });
    started = performance.now();
    await withTenant({ tenantId: TENANT }, async (db) => {
      await equityAtRiskRollup(db, TENANT, "partner", { asOf });
      await equityAtRiskRollup(db, TENANT, "touchpoint", { asOf });
    }, { timeoutMs: 120_000 });
    const riskMs = performance.now() - started;
    results.push({ scenario, figure: "equity at risk by partner + by touchpoint (2,000 incidents)", value: seconds(riskMs), unit: "s", goal: "< 2 s", pass: riskMs < 2_000 });
    return results;
  },
};
