/**
 * API write throughput (issue 15): incident creations through the API's route handler (key lookup,
 * rate limit, zod, the tenant transaction with its Idempotency-Key row, incident, CREATED event,
 * outbox row and audit row), 100 concurrent, in this process (no HTTP server: this measures the
 * API's own work on the database, not Next's), against a minimal `pg` script that does the same
 * inserts in the same transactions on a pool of the same size. Then every write must be stored
 * exactly once. Its own tenant, rebuilt each run.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { withTenant } from "@/lib/db/scope";
import { databasePool } from "@/lib/db/client";
import { createApiKey } from "@/lib/api/keys";
import {
  assignPartner,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { POST as createIncidentRoute } from "@/app/api/v1/incidents/route";
import { measureConcurrent, percentile, type BenchResult, type BenchScenario } from "./types";

const WRITES = Number(process.env.BENCH_API_WRITES ?? 2_000);
const CONCURRENCY = 100;

/** The pg script gets a pool as large as the app's (the bench's client: 20 connections). */
const poolSize = () => databasePool().options.max ?? 10;

async function fixture(log: (line: string) => void) {
  const slug = `bench-api-writes-${Date.now().toString(36)}`;
  const { tenant, owner } = await createTenantWithOwner({ slug });
  const tenantId = tenant.id;
  const ids = await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const partner = await createPartner(db, tenantId, { name: "Alpha", status: "ACTIVE" });
    const touchpoint = await createTouchpoint(db, tenantId, { name: "Delivery" });
    await assignPartner(db, tenantId, touchpoint.id, partner.id);
    const { key, apiKey } = await createApiKey(db, tenantId, owner.user.id, {
      name: "Bench",
      rateLimitPerMinute: 1_000_000,
    });
    return { partnerId: partner.id, touchpointId: touchpoint.id, key, apiKeyId: apiKey.id };
  });
  log(`tenant ${slug}: ${WRITES} writes per side at ${CONCURRENCY} concurrent, pools of ${poolSize()}`);
  return { tenantId, ...ids };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

const body = (f: Fixture, title: string) => ({
  partnerId: f.partnerId,
  touchpointId: f.touchpointId,
  severity: "HIGH",
  category: "Late delivery",
  title,
  description: "The parcel arrived two days late.",
});

async function throughApi(f: Fixture, run: string) {
  const started = performance.now();
  const durations = await measureConcurrent(WRITES, CONCURRENCY, async (i) => {
    const request = new Request("http://127.0.0.1/api/v1/incidents", {
      method: "POST",
      headers: {
        authorization: `Bearer ${f.key}`,
        "content-type": "application/json",
        "idempotency-key": `${run}-${i}`,
      },
      body: JSON.stringify(body(f, `${run} write ${i}`)),
    });
    const response = await createIncidentRoute(request);
    if (response.status !== 201)
      throw new Error(`API write ${i} answered ${response.status}: ${await response.text()}`);
  });
  return { seconds: (performance.now() - started) / 1000, durations };
}

/** The same rows in the same transaction, with plain SQL on a pg pool in the app's role (RLS on). */
async function throughPg(f: Fixture, databaseUrl: string, run: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize() });
  pool.on("connect", (client) => void client.query("set role steward_app"));
  const started = performance.now();
  const durations = await measureConcurrent(WRITES, CONCURRENCY, async (i) => {
    const client = await pool.connect();
    try {
      const id = randomUUID();
      const now = new Date();
      const ack = new Date(now.getTime() + 60 * 60_000);
      const input = body(f, `${run} write ${i}`);
      await client.query("begin");
      await client.query("select set_config('app.tenant_id', $1, true)", [f.tenantId]);
      await client.query(
        `insert into "IdempotencyKey" ("tenantId", "apiKeyId", key, "requestHash") values ($1, $2, $3, 'h') on conflict do nothing`,
        [f.tenantId, f.apiKeyId, `${run}-${i}`],
      );
      const { rows } = await client.query<{ n: number }>("select next_incident_number() as n");
      await client.query(
        `insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", severity, category, title, description, status, source,
                                 "openedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "updatedAt")
         values ($1, $2, $3, $4, $5, 'HIGH', $6, $7, $8, 'OPEN', 'API', $9, $10, $11, $10, $9)`,
        [
          f.tenantId,
          id,
          rows[0].n,
          f.partnerId,
          f.touchpointId,
          input.category,
          input.title,
          input.description,
          now,
          ack,
          new Date(now.getTime() + 86_400_000),
        ],
      );
      await client.query(
        `insert into "IncidentEvent" ("tenantId", id, "incidentId", type, "actorLabel") values ($1, $2, $3, 'CREATED', 'api key Bench')`,
        [f.tenantId, randomUUID(), id],
      );
      await client.query(
        `insert into "OutboxMessage" ("tenantId", id, topic, payload) values ($1, $2, 'incident.created', $3)`,
        [f.tenantId, randomUUID(), JSON.stringify({ incidentId: id })],
      );
      await client.query(
        `insert into "AuditLog" ("tenantId", id, "actorLabel", action, "entityType", "entityId") values ($1, $2, 'api key Bench', 'incident.created', 'Incident', $3)`,
        [f.tenantId, randomUUID(), id],
      );
      await client.query(
        `update "IdempotencyKey" set "statusCode" = 201, "responseBody" = $4 where "tenantId" = $1 and "apiKeyId" = $2 and key = $3`,
        [f.tenantId, f.apiKeyId, `${run}-${i}`, JSON.stringify({ id })],
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    } finally {
      client.release();
    }
  });
  await pool.end();
  return { seconds: (performance.now() - started) / 1000, durations };
}

/** Rows stored per write title, and the distinct incident numbers: each write exactly once. */
async function stored(f: Fixture, run: string) {
  return withTenant({ tenantId: f.tenantId }, async (db) => {
    const [row] = await db.$queryRaw<{ rows: number; titles: number; numbers: number }[]>`
      select count(*)::int as rows, count(distinct title)::int as titles, count(distinct number)::int as numbers
      from "Incident" where "tenantId" = ${f.tenantId} and title like ${`${run} write %`}`;
    return row;
  });
}

export const apiWritesScenario: BenchScenario = {
  name: "api-writes",
  description: `${WRITES.toLocaleString("en-US")} incident creations through the API route handler at ${CONCURRENCY} concurrent vs a minimal pg script doing the same inserts`,
  async run({ databaseUrl, log }) {
    const scenario = "api-writes";
    const f = await fixture(log);
    await throughApi(f, "warmup"); // compile paths, fill the pool
    const api = await throughApi(f, "api");
    const raw = await throughPg(f, databaseUrl, "pg");
    const apiRate = WRITES / api.seconds;
    const pgRate = WRITES / raw.seconds;
    const apiStored = await stored(f, "api");
    const pgStored = await stored(f, "pg");
    log(
      `API: ${apiRate.toFixed(0)} writes/s, p50 ${percentile(api.durations, 50).toFixed(0)} ms; pg: ${pgRate.toFixed(0)} writes/s`,
    );
    const exactlyOnce =
      apiStored.rows === WRITES &&
      apiStored.titles === WRITES &&
      apiStored.numbers === WRITES &&
      pgStored.rows === WRITES;
    const p95 = percentile(api.durations, 95);
    const results: BenchResult[] = [
      {
        scenario,
        figure: `API writes/s (${CONCURRENCY} concurrent, route handler in process)`,
        value: Math.round(apiRate),
        unit: "/s",
      },
      {
        scenario,
        figure: "pg script writes/s (same inserts, same transactions, same pool)",
        value: Math.round(pgRate),
        unit: "/s",
      },
      {
        scenario,
        figure: "API rate / pg script rate",
        value: Math.round((apiRate / pgRate) * 100) / 100,
        unit: "×",
        goal: "≥ 0.4",
        pass: apiRate >= 0.4 * pgRate,
      },
      { scenario, figure: "API write p95", value: Math.round(p95), unit: "ms", goal: "< 300 ms", pass: p95 < 300 },
      {
        scenario,
        figure: "pg script write p95 (the same machine's floor)",
        value: Math.round(percentile(raw.durations, 95)),
        unit: "ms",
      },
      {
        scenario,
        figure: "writes stored exactly once (API and pg)",
        value: apiStored.rows,
        unit: "rows",
        goal: `${WRITES}`,
        pass: exactlyOnce,
      },
    ];
    return results;
  },
};
