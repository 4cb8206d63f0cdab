/**
 * Issue 15's breach-to-escalation scenario: 2 web servers (`next start`, STEWARD_ROLE=web; needs `npm run build`)
 * and 2 job workers (`scripts/serve.ts --role=worker`) on the bench database, with a short sweep interval.
 * Incidents are planted so that their acknowledge target passes at known instants spread over a window; the
 * scenario watches the Escalation table every 250 ms and records when each breach's escalation appears. Halfway,
 * while a sweep is running, a worker is killed with SIGKILL (and started again). Goals: p95 from breach to
 * escalation ≤ one sweep interval; every breach escalated exactly once (none lost, none doubled).
 * Its own tenant, rebuilt each run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import pg from "pg";
import { connectDatabase, disconnectDatabase, prisma } from "@/lib/db/client";
import { migrateServer } from "@/lib/db/migrate-server";
import { withTenant } from "@/lib/db/scope";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import {
  createIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { percentile, type BenchResult, type BenchScenario } from "./types";

const scenario = "escalation";
const INTERVAL_MS = Number(process.env.BENCH_SWEEP_INTERVAL_MS ?? 10_000);
const BREACHES = Number(process.env.BENCH_BREACHES ?? 150);
const WINDOW_MS = Number(process.env.BENCH_BREACH_WINDOW_MS ?? 120_000);
const SWEEP = "incidents.escalation-sweep";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
}

async function activeSweeps(): Promise<string[]> {
  const rows = await prisma().$queryRawUnsafe<{ id: string }[]>(
    // started in the last 20 s: an earlier run's killed sweep stays active until it expires (5 min)
    `select id::text from pgboss.job where name = '${SWEEP}' and state = 'active' and started_on > now() - interval '20 seconds'`,
  );
  return rows.map((r) => r.id);
}

/** The tenant and its planted incidents: CRITICAL, never acknowledged, the acknowledge target passing at `breachAt`. */
async function plant(now: number) {
  const { tenant } = await createTenantWithOwner({ slug: `bench-escalation-${now.toString(36)}` });
  const tenantId = tenant.id;
  return withTenant(
    { tenantId },
    async (db) => {
      await createSlaPolicies(db, tenantId);
      const partner = await createPartner(db, tenantId, { name: "Swift", status: "ACTIVE" });
      const touchpoint = await createTouchpoint(db, tenantId, { name: "Delivery" });
      const planted: { id: string; breachAt: number }[] = [];
      // The policy's acknowledge target, read from a first incident (24/7 policies: a fixed offset).
      const probe = await createIncident(db, tenantId, {
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(now + 10 * 365 * 86_400_000),
      });
      const ackMs = (probe.ackDueAt?.getTime() ?? 0) - probe.openedAt.getTime();
      for (let i = 0; i < BREACHES; i++) {
        const breachAt = now + 20_000 + Math.round((i / BREACHES) * WINDOW_MS);
        const incident = await createIncident(db, tenantId, {
          partnerId: partner.id,
          touchpointId: touchpoint.id,
          severity: "CRITICAL",
          status: "OPEN",
          number: i + 2,
          openedAt: new Date(breachAt - ackMs),
        });
        planted.push({ id: incident.id, breachAt: incident.ackDueAt?.getTime() ?? breachAt });
      }
      return { tenantId, planted };
    },
    { timeoutMs: 120_000 },
  );
}

/** A database of its own beside the bench database, migrated (kept between runs). */
async function ownDatabase(benchUrl: string): Promise<string> {
  const url = new URL(benchUrl);
  url.pathname = "/steward_bench_escalation";
  const admin = new pg.Client({ connectionString: benchUrl });
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = 'steward_bench_escalation'`);
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE steward_bench_escalation");
  } finally {
    await admin.end();
  }
  await migrateServer(url.toString());
  return url.toString();
}

/**
 * Kills a worker while a sweep runs, alternating workers until a kill leaves a sweep job active (the victim
 * held it); each victim is started again at once.
 */
async function killMidSweep(workers: ChildProcess[], restart: (index: number) => void) {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const index = (attempt - 1) % workers.length;
    let before: string[] = [];
    for (let waited = 0; waited < 15_000; waited += 50) {
      before = await activeSweeps();
      if (before.length > 0) break;
      await sleep(50);
    }
    const victim = workers[index];
    if (victim.pid) process.kill(-victim.pid, "SIGKILL");
    restart(index);
    await sleep(3_000);
    const still = await activeSweeps();
    const orphan = before.find((id) => still.includes(id));
    if (orphan) return { midSweep: true, worker: index, orphan, attempts: attempt };
  }
  return { midSweep: false, worker: -1, orphan: null, attempts: 6 };
}

export const escalationScenario: BenchScenario = {
  name: scenario,
  description: `${BREACHES} breaches over ${WINDOW_MS / 1000} s, 2 web + 2 worker processes, sweep every ${INTERVAL_MS / 1000} s, one worker killed (SIGKILL) mid-sweep`,
  async run({ databaseUrl: benchUrl, log }) {
    const results: BenchResult[] = [];
    // Its own database: the sweeps run across every tenant, and the large tenant's backlog of breaches
    // (10,000 incidents needing work, ~5 escalations/s on this machine) would be the measurement instead.
    const databaseUrl = await ownDatabase(benchUrl);
    connectDatabase(databaseUrl, 10);
    const env = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-escalation-secret-0123456789",
      STEWARD_SWEEP_INTERVAL_MS: String(INTERVAL_MS),
    };
    const children = new Set<ChildProcess>();
    const worker = () => {
      const child = start(["--import", "tsx", "scripts/serve.ts", "--role=worker"], { ...env, STEWARD_ROLE: "worker" });
      children.add(child);
      return child;
    };
    try {
      const web = existsSync(".next/BUILD_ID");
      const ports: number[] = [];
      if (web)
        for (let i = 0; i < 2; i++) {
          const port = await freePort();
          ports.push(port);
          children.add(
            start(["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
              ...env,
              PORT: String(port),
              STEWARD_ROLE: "web",
            }),
          );
        }
      else log("no production build (.next/BUILD_ID): the 2 web servers are left out (npm run build first)");
      const workers = [worker(), worker()];

      // Earlier runs' breaches are worked off first, untimed.
      for (let sweep = await runEscalationSweep(); sweep.due > 0; sweep = await runEscalationSweep());
      const { tenantId, planted } = await plant(Date.now());
      log(`planted ${planted.length} breaches in tenant ${tenantId}; watching escalations`);
      const seen = new Map<string, number>();
      const lastBreach = Math.max(...planted.map((p) => p.breachAt));
      const watchUntil = lastBreach + 3 * INTERVAL_MS;
      const midway = planted[Math.floor(planted.length / 2)].breachAt;
      let killed: Awaited<ReturnType<typeof killMidSweep>> | null = null;
      let webOk = 0;
      let webFailed = 0;
      while (Date.now() < watchUntil) {
        const rows = await withTenant({ tenantId }, (db) =>
          db.escalation.findMany({ where: { tenantId }, select: { incidentId: true } }),
        );
        const at = Date.now();
        for (const row of rows) if (!seen.has(row.incidentId)) seen.set(row.incidentId, at);
        if (!killed && at >= midway) {
          killed = await killMidSweep(workers, (i) => {
            children.delete(workers[i]);
            workers[i] = worker();
          });
          log(
            killed.midSweep
              ? `SIGKILL worker ${killed.worker + 1} mid-sweep (job ${killed.orphan} left active), restarted`
              : `no SIGKILL landed mid-sweep in ${killed.attempts} attempts`,
          );
        }
        for (const port of ports)
          await fetch(`http://127.0.0.1:${port}/login`).then(
            (r) => (r.ok ? webOk++ : webFailed++),
            () => webFailed++,
          );
        await sleep(250);
      }

      const counts = await withTenant({ tenantId }, (db) =>
        db.escalation.groupBy({ by: ["incidentId", "level"], where: { tenantId }, _count: { _all: true } }),
      );
      const perIncident = new Map<string, number>();
      for (const c of counts) perIncident.set(c.incidentId, (perIncident.get(c.incidentId) ?? 0) + c._count._all);
      const lost = planted.filter((p) => !perIncident.has(p.id)).length;
      const doubled = planted.filter((p) => (perIncident.get(p.id) ?? 0) > 1).length;
      const latencies = planted.filter((p) => seen.has(p.id)).map((p) => (seen.get(p.id) ?? 0) - p.breachAt);
      const p95 = percentile(latencies, 95);
      const max = Math.max(...latencies);
      log(
        `escalated ${latencies.length} of ${planted.length}; latency p50 ${percentile(latencies, 50)} ms, p95 ${p95} ms, max ${max} ms; web /login answers ${webOk} ok, ${webFailed} failed`,
      );
      results.push(
        { scenario, figure: "sweep interval", value: INTERVAL_MS, unit: "ms" },
        { scenario, figure: "breach → escalation p50", value: percentile(latencies, 50), unit: "ms" },
        {
          scenario,
          figure: "breach → escalation p95",
          value: p95,
          unit: "ms",
          goal: `≤ ${INTERVAL_MS} ms (one interval)`,
          pass: p95 <= INTERVAL_MS,
        },
        { scenario, figure: "breach → escalation max", value: max, unit: "ms" },
        {
          scenario,
          figure: "breaches escalated exactly once (none lost, none doubled)",
          value: planted.length - lost - doubled,
          unit: "breaches",
          goal: `${planted.length}`,
          pass: lost === 0 && doubled === 0,
        },
        {
          scenario,
          figure: "worker killed with SIGKILL mid-sweep",
          value: killed?.midSweep ? 1 : 0,
          unit: "",
          goal: "1",
          pass: killed?.midSweep === true,
        },
      );
      if (web)
        results.push({
          scenario,
          figure: "web servers' /login answers failed during the run",
          value: webFailed,
          unit: "",
          goal: "0",
          pass: webFailed === 0,
        });
    } finally {
      for (const child of children) if (child.pid) process.kill(-child.pid, "SIGKILL");
      await disconnectDatabase();
      connectDatabase(benchUrl, 20);
    }
    return results;
  },
};
