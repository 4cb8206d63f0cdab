/**
 * What the database alone needs for the recompute's input and output, the reference of the value
 * scenario's goal (issue 15): one per-customer aggregate over the same transactions (day buckets,
 * as the value models count purchases) and a COPY of the same snapshot rows into "CustomerValue"
 * itself (its primary key, index and foreign key). PostgreSQL refuses COPY FROM into a table with
 * forced row-level security for the roles it applies to, so the COPY runs as a superuser
 * (BENCH_SUPERUSER_URL, by default user postgres on the same server) into a month no one uses, and
 * is rolled back; without a superuser it copies into an unindexed temporary table (cheaper still).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ValuePeriod } from "@/lib/value/tenant-data";

const SCRATCH_MONTH = "2099-01-01";

export type ValueReference = { aggregateSeconds: number; copySeconds: number; rows: number; copyTarget: string };

/** One transaction as the app's role in the tenant, on a connection of its own. */
async function asTenant<T>(databaseUrl: string, tenantId: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("set local role steward_app");
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    const value = await work(client);
    await client.query("commit");
    return value;
  } finally {
    await client.end();
  }
}

/** The snapshot rows the recompute wrote for the period (not timed), as a CSV file for the reference's COPY. */
export async function referenceRows(
  databaseUrl: string,
  tenantId: string,
  period: ValuePeriod,
): Promise<{ file: string; rows: number }> {
  const { rows } = await asTenant(databaseUrl, tenantId, (client) =>
    client.query<{ line: string }>(
      `select concat_ws(',', "tenantId", "customerId", $3::text, model, clv, "probabilityAlive", "expectedPurchases", "expectedMargin", "computedAt") as line
       from "CustomerValue" where "tenantId" = $1 and "asOf" = $2::date`,
      [tenantId, period.asOf, SCRATCH_MONTH],
    ),
  );
  if (rows.length === 0) throw new Error("The recompute wrote no snapshots for the reference to copy");
  const file = join(tmpdir(), `steward-bench-cv-${process.pid}.csv`);
  writeFileSync(file, `${rows.map((r) => r.line).join("\n")}\n`);
  return { file, rows: rows.length };
}

/** The aggregate over the transactions, then the COPY of `rows` (from referenceRows): each timed. */
export async function valueReference(
  databaseUrl: string,
  tenantId: string,
  period: ValuePeriod,
  rows: { file: string; rows: number },
): Promise<ValueReference> {
  const aggregateSeconds = await asTenant(databaseUrl, tenantId, async (client) => {
    const started = performance.now();
    await client.query(
      `select cid, min(d) as first_day, max(d) as last_day, count(*)::int as n_days, sum(m)::float8 as total
       from (select "customerId" as cid, ("occurredAt"::date - date '1970-01-01') as d, sum(margin) as m
             from "Transaction" where "tenantId" = $1 and "occurredAt" < $2 group by 1, 2) days
       group by cid`,
      [tenantId, period.cutoff],
    );
    return (performance.now() - started) / 1000;
  });
  return { aggregateSeconds, rows: rows.rows, ...copyRows(databaseUrl, rows.file) };
}

/** BENCH_SUPERUSER_URL, or user postgres on the bench database's server. */
export function superuserUrl(databaseUrl: string): URL {
  const url = new URL(process.env.BENCH_SUPERUSER_URL ?? databaseUrl);
  if (!process.env.BENCH_SUPERUSER_URL) {
    url.username = "postgres";
    url.password = "";
  }
  return url;
}

const COLUMNS = `("tenantId", "customerId", "asOf", model, clv, "probabilityAlive", "expectedPurchases", "expectedMargin", "computedAt")`;

/** psql \copy in one rolled-back transaction, timed by the server's clock. */
function copyRows(databaseUrl: string, file: string): { copySeconds: number; copyTarget: string } {
  const superUrl = superuserUrl(databaseUrl);
  const timed = (url: string, setup: string[], target: string) => {
    const out = execFileSync(
      "psql",
      [
        url,
        "-q",
        "-t",
        "-A",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        "begin",
        ...setup.flatMap((c) => ["-c", c]),
        "-c",
        "select extract(epoch from clock_timestamp())",
        "-c",
        `\\copy ${target} ${COLUMNS} from '${file}' with (format csv)`,
        "-c",
        "select extract(epoch from clock_timestamp())",
        "-c",
        "rollback",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    ).toString();
    const [start, end] = out.trim().split("\n").map(Number);
    return end - start;
  };
  try {
    return {
      copySeconds: timed(superUrl.toString(), [], `"CustomerValue"`),
      copyTarget: `"CustomerValue" (superuser)`,
    };
  } catch {
    const setup = [`create temporary table cv_copy (like "CustomerValue" including defaults)`];
    return { copySeconds: timed(databaseUrl, setup, "cv_copy"), copyTarget: "a temporary table (no superuser)" };
  }
}
