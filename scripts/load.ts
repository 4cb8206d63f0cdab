// `npm run load`: writes through the public API under load and checks that nothing is lost or
// written twice. Loopback only. Needs a production build (`npm run build`).
//
// Phase 1: 10,000 creations (incidents and interactions, alternating) at 100 concurrent, each with
// its own Idempotency-Key; a share of them is sent twice at once and a share is retried after its
// answer. Phase 2: the same while the app server is killed (SIGKILL, whole process group) a third
// of the way in and restarted; clients retry refused connections, 5xx, 409 and 429 with the same key.
// Then the database must hold exactly one row per creation that was answered 2xx — zero lost, zero
// duplicated — and every repeated answer must name the same row as the first.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrateServer } from "../lib/db/migrate-server";
import { connectDatabase, disconnectDatabase } from "../lib/db/client";
import { withTenant } from "../lib/db/scope";
import { createApiKey } from "../lib/api/keys";
import {
  assignPartner,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "../lib/seed/factories";

const WRITES = Number(process.env.LOAD_WRITES ?? 10_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 100);
const PORT = Number(process.env.LOAD_PORT ?? 3197);
const DOUBLE_SEND_SHARE = 0.1; // sent twice at the same time
const RETRY_AFTER_ANSWER_SHARE = 0.1; // sent again after the first answer
const MAX_ATTEMPTS = 200;
const BASE = `http://127.0.0.1:${PORT}/api/v1`;

/** `match` finds the write's row: the incident's title, the interaction's time (both unique per write). */
type Write = { n: number; kind: "incident" | "interaction"; key: string; match: string; body: Record<string, unknown> };
type Outcome = { write: Write; status: number; rowIds: Set<string>; attempts: number; ms: number };

// ---------------------------------------------------------------- database and tenant

let serverUrl = process.env.DATABASE_URL;
let throwaway: string | undefined;
if (!serverUrl) {
  throwaway = mkdtempSync(join(tmpdir(), "steward-load-pg-"));
  serverUrl = execFileSync("scripts/throwaway-postgres.sh", ["start", throwaway, process.env.LOAD_PG_PORT ?? "55497"])
    .toString()
    .trim();
  console.log(`Started a throwaway PostgreSQL server (${throwaway})`);
}
const loadUrl = new URL(serverUrl);
loadUrl.pathname = "/steward_load";
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS steward_load WITH (FORCE)`);
await admin.query(`CREATE DATABASE steward_load`);
await admin.end();
await migrateServer(loadUrl.toString());
connectDatabase(loadUrl.toString(), 4);

const slug = "load";
const { tenant, owner } = await createTenantWithOwner({ slug });
const tenantId = tenant.id;
const fixture = await withTenant({ tenantId }, async (db) => {
  await createSlaPolicies(db, tenantId);
  const partners = await Promise.all(
    ["Alpha", "Bravo", "Charlie"].map((name) => createPartner(db, tenantId, { name, status: "ACTIVE" })),
  );
  const touchpoints = [
    await createTouchpoint(db, tenantId, { name: "Delivery" }),
    await createTouchpoint(db, tenantId, { name: "Installation" }),
  ];
  // Every partner handles every touchpoint, so any pairing the load picks is a valid incident.
  for (const touchpoint of touchpoints)
    for (const partner of partners) await assignPartner(db, tenantId, touchpoint.id, partner.id);
  const { key } = await createApiKey(db, tenantId, owner.user.id, { name: "Load test", rateLimitPerMinute: 100_000 });
  return { partnerIds: partners.map((p) => p.id), touchpointIds: touchpoints.map((t) => t.id), key };
});
await disconnectDatabase();

// ---------------------------------------------------------------- app server

let server: ChildProcess | undefined;

async function startServer() {
  server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: loadUrl.toString(),
        AUTH_SECRET: "load-test-secret-0123456789abcdef",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
      detached: true, // its own process group, so SIGKILL reaches every process of the server
    },
  );
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${BASE}/openapi.json`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error("The app server did not start within 30 s (is there a production build? npm run build)");
}

function killServer() {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  server = undefined;
}

// ---------------------------------------------------------------- the load

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PHASE_START: Record<string, number> = { steady: Date.UTC(2026, 8, 1), crash: Date.UTC(2026, 9, 1) };

/**
 * Half the writes carry an externalRef (which is unique per tenant, so the database itself would
 * refuse a second row); the other half carry none, so only the Idempotency-Key keeps them single.
 */
function plan(phase: string): Write[] {
  return Array.from({ length: WRITES }, (_, n) => {
    const kind = n % 2 === 0 ? "incident" : "interaction";
    const ref = n % 4 < 2 ? { externalRef: `${phase}-${n}` } : {};
    const partnerId = fixture.partnerIds[n % fixture.partnerIds.length];
    const touchpointId = fixture.touchpointIds[n % fixture.touchpointIds.length];
    const title = `Load incident ${phase}-${n}`;
    const occurredAt = new Date(PHASE_START[phase] + n * 60_000).toISOString();
    const body =
      kind === "incident"
        ? {
            partnerId,
            touchpointId,
            severity: "MEDIUM",
            category: "Late delivery",
            title,
            description: "Created by the load script.",
            ...ref,
          }
        : { partnerId, touchpointId, occurredAt, outcome: "SUCCESS", csat: 1 + (n % 5), ...ref };
    return { n, kind, key: randomUUID(), match: kind === "incident" ? title : occurredAt, body };
  });
}

const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);

/** Sends one request until it gets a final answer (2xx or a non-retryable 4xx). */
async function send(write: Write): Promise<{ status: number; id?: string; attempts: number }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const response = await fetch(`${BASE}/${write.kind === "incident" ? "incidents" : "interactions"}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${fixture.key}`,
          "content-type": "application/json",
          "idempotency-key": write.key,
        },
        body: JSON.stringify(write.body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (RETRYABLE.has(response.status)) {
        const retryAfter = Number(response.headers.get("retry-after") ?? 0);
        await sleep(retryAfter ? retryAfter * 1000 : 50 * Math.min(attempt, 20));
        continue;
      }
      const body = text ? JSON.parse(text) : null;
      return { status: response.status, id: body?.id, attempts: attempt };
    } catch {
      await sleep(100 * Math.min(attempt, 10)); // refused or reset while the server is down
    }
  }
  return { status: 0, attempts: MAX_ATTEMPTS };
}

async function runPhase(phase: string, onProgress?: (done: number) => void) {
  const writes = plan(phase);
  const outcomes: Outcome[] = [];
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < writes.length) {
        const write = writes[next++];
        const t0 = performance.now();
        const copies = Math.random() < DOUBLE_SEND_SHARE ? 2 : 1;
        const answers = await Promise.all(Array.from({ length: copies }, () => send(write)));
        if (Math.random() < RETRY_AFTER_ANSWER_SHARE) answers.push(await send(write));
        const ok = answers.filter((a) => a.status >= 200 && a.status < 300);
        outcomes.push({
          write,
          status: ok.length ? ok[0].status : answers[0].status,
          rowIds: new Set(ok.map((a) => a.id!)),
          attempts: answers.reduce((sum, a) => sum + a.attempts, 0),
          ms: performance.now() - t0,
        });
        onProgress?.(++done);
      }
    }),
  );
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

async function verify(phase: string, outcomes: Outcome[]) {
  const db = new pg.Client({ connectionString: loadUrl.toString() });
  await db.connect();
  try {
    await db.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
    const start = new Date(PHASE_START[phase]);
    const rows = await db.query<{ match: string; id: string }>(
      `select "title" as match, "id" from "Incident" where "tenantId" = $1 and "title" like $2
       union all
       select to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as match, "id" from "Interaction"
       where "tenantId" = $1 and "occurredAt" >= $3::timestamp and "occurredAt" < $3::timestamp + interval '20 days'`,
      [tenantId, `Load incident ${phase}-%`, start.toISOString()],
    );
    const stored = new Map<string, string[]>();
    for (const row of rows.rows) stored.set(row.match, [...(stored.get(row.match) ?? []), row.id]);
    const acknowledged = outcomes.filter((o) => o.status >= 200 && o.status < 300);
    const lost = acknowledged.filter((o) => !stored.has(o.write.match)).length;
    const duplicated = [...stored.values()].filter((ids) => ids.length > 1).length;
    const inconsistent = acknowledged.filter(
      (o) => o.rowIds.size !== 1 || !stored.get(o.write.match)?.includes([...o.rowIds][0]),
    ).length;
    const unanswered = outcomes.length - acknowledged.length;
    return {
      acknowledged: acknowledged.length,
      stored: rows.rowCount ?? 0,
      lost,
      duplicated,
      inconsistent,
      unanswered,
    };
  } finally {
    await db.end();
  }
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(
  name: string,
  run: { outcomes: Outcome[]; seconds: number },
  check: Awaited<ReturnType<typeof verify>>,
) {
  const requests = run.outcomes.reduce((sum, o) => sum + o.attempts, 0);
  const ms = run.outcomes.map((o) => o.ms);
  console.log(
    `${name}: ${run.outcomes.length.toLocaleString("en")} writes (${requests.toLocaleString("en")} requests incl. duplicates and retries) in ${run.seconds.toFixed(1)} s ` +
      `(${Math.round(run.outcomes.length / run.seconds)} writes/s, p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms)\n` +
      `  answered 2xx ${check.acknowledged.toLocaleString("en")}, rows stored ${check.stored.toLocaleString("en")}, ` +
      `lost ${check.lost}, duplicated ${check.duplicated}, answers naming another row ${check.inconsistent}, never answered ${check.unanswered}`,
  );
  return (
    check.lost === 0 &&
    check.duplicated === 0 &&
    check.inconsistent === 0 &&
    check.unanswered === 0 &&
    check.stored === check.acknowledged
  );
}

let ok = false;
try {
  await startServer();
  console.log(`App server on ${BASE}; ${WRITES.toLocaleString("en")} writes per phase at ${CONCURRENCY} concurrent`);
  const steady = await runPhase("steady");
  const steadyOk = report("Phase 1 (steady)", steady, await verify("steady", steady.outcomes));

  let killedAt = 0;
  let downMs = 0;
  const killAt = Math.floor(WRITES / 3);
  const crash = await runPhase("crash", (done) => {
    if (done !== killAt) return;
    killedAt = done;
    const t0 = performance.now();
    killServer();
    void startServer().then(() => (downMs = performance.now() - t0));
  });
  console.log(
    `  (server killed with SIGKILL after ${killedAt.toLocaleString("en")} answered writes; back after ${(downMs / 1000).toFixed(1)} s)`,
  );
  const crashOk = report("Phase 2 (SIGKILL + restart)", crash, await verify("crash", crash.outcomes));
  ok = steadyOk && crashOk;
  console.log(ok ? "No write lost or duplicated." : "FAILED: see the counts above.");
} finally {
  killServer();
  if (throwaway) execFileSync("scripts/throwaway-postgres.sh", ["stop", throwaway]);
}
process.exit(ok ? 0 : 1);
