import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { execFileSync } from "node:child_process";
import { withTenant } from "@/lib/db/scope";
import { createApiKey } from "@/lib/api/keys";
import { parseDelimited } from "@/lib/import/csv";
import { guessMapping } from "@/lib/import/kinds";
import { importRows, MAX_IMPORT_BATCH, type ImportRow } from "@/lib/import/import-rows";
import { POST as batchInteractions } from "@/app/api/v1/interactions/batch/route";
import type { BenchScenario } from "./types";

// Bulk import: 1,000,000 interactions from a CSV file into PostgreSQL through the importer the
// import page uses (parse, map, validate, batches of 1,000 with de-duplication), next to
// PostgreSQL's own COPY of the same file into a plain staging table; and API batch ingest
// (POST /api/v1/interactions/batch, 1,000 rows per request) through the real route handler.

const SLUG = "bench-import";
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const PARTNERS = 40;
const TOUCHPOINTS = 10;
const CONCURRENCY = 4;
const API_BATCHES = 60;

async function writeCsv(path: string) {
  if (existsSync(path) && statSync(path).size > 0) return;
  function* lines() {
    yield "partner,touchpoint,occurred_at,outcome,csat,nps,interaction_id\n";
    const outcomes = ["SUCCESS", "SUCCESS", "SUCCESS", "PARTIAL", "FAILURE"];
    const start = Date.UTC(2025, 0, 1);
    let chunk = "";
    for (let g = 1; g <= ROWS; g++) {
      const at = new Date(start + (g % 500_000) * 60_000).toISOString();
      chunk += `Partner ${1 + (g % PARTNERS)},Touchpoint ${1 + (g % TOUCHPOINTS)},${at},${outcomes[g % 5]},${1 + (g % 5)},${g % 11},bench-i-${g}\n`;
      if (g % 10_000 === 0) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), createWriteStream(path));
}

async function seed(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const tenantId = `${SLUG}-tenant`;
  try {
    await db.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
    await db.query("begin");
    await db.query(`delete from "Tenant" where "id" = $1`, [tenantId]);
    await db.query(`insert into "Tenant" ("id", "slug", "name") values ($1, $2, 'Bench Import')`, [tenantId, SLUG]);
    await db.query(
      `insert into "Partner" ("tenantId", "id", "name", "type", "status", "region", "updatedAt")
       select $1, $1 || '-p' || g, 'Partner ' || g, 'DELIVERY', 'ACTIVE', 'EU', now() from generate_series(1, ${PARTNERS}) g`,
      [tenantId],
    );
    await db.query(
      `insert into "Touchpoint" ("tenantId", "id", "name", "stage", "channel", "position")
       select $1, $1 || '-t' || g, 'Touchpoint ' || g, 'engage', 'FIELD', g from generate_series(1, ${TOUCHPOINTS}) g`,
      [tenantId],
    );
    await db.query(`insert into "User" ("id", "email", "name", "passwordHash") values ($1, 'owner@bench-import.test', 'Owner', 'x') on conflict do nothing`, [`${tenantId}-u`]);
    await db.query("commit");
  } finally {
    await db.end();
  }
  return tenantId;
}

/** COPY of the file into a staging table with the file's columns (no indexes): PostgreSQL's own rate (psql \\copy, one session). */
async function copyRate(databaseUrl: string, path: string) {
  const started = performance.now();
  const out = execFileSync("psql", [
    databaseUrl,
    "-q",
    "-t",
    "-c",
    "create temporary table import_staging (partner text, touchpoint text, occurred_at text, outcome text, csat text, nps text, interaction_id text)",
    "-c",
    `\\copy import_staging from '${path}' with (format csv, header true)`,
    "-c",
    "select count(*) from import_staging",
  ]).toString();
  const seconds = (performance.now() - started) / 1000;
  return { rows: Number(out.trim()), seconds };
}

/** The importer: stream the file, parse each chunk of 1,000 lines, map by header, import with a few batches in flight. */
async function importerRate(tenantId: string, path: string) {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header: string[] | null = null;
  let mapping: Record<string, number | null> = {};
  let pending: string[] = [];
  let rowNumber = 1;
  let created = 0;
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const send = (chunk: string[], first: number) => {
    const table = parseDelimited(chunk.join("\n"), ",");
    const rows: ImportRow[] = table.map((cells, i) => ({
      row: first + i,
      values: Object.fromEntries(Object.entries(mapping).flatMap(([k, c]) => (c === null ? [] : [[k, cells[c] ?? ""]]))),
    }));
    const p = withTenant({ tenantId }, (db) => importRows(db, tenantId, "interactions", rows), { timeoutMs: 120_000 }).then((r) => {
      created += r.created;
      errors += r.errors.length;
    });
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };
  const started = performance.now();
  for await (const line of lines) {
    if (!header) {
      header = parseDelimited(line, ",")[0];
      mapping = guessMapping("interactions", header);
      continue;
    }
    pending.push(line);
    if (pending.length === MAX_IMPORT_BATCH) {
      rowNumber += MAX_IMPORT_BATCH;
      send(pending, rowNumber - MAX_IMPORT_BATCH + 1);
      pending = [];
      if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    }
  }
  if (pending.length) send(pending, rowNumber + 1);
  await Promise.all(inFlight);
  return { created, errors, seconds: (performance.now() - started) / 1000 };
}

async function apiRate(tenantId: string) {
  const { key } = await withTenant({ tenantId }, (db) => createApiKey(db, tenantId, `${tenantId}-u`, { name: "bench", rateLimitPerMinute: 10_000 }));
  const ids = await withTenant({ tenantId }, async (db) => ({
    partner: (await db.partner.findFirstOrThrow({ where: { tenantId } })).id,
    touchpoint: (await db.touchpoint.findFirstOrThrow({ where: { tenantId } })).id,
  }));
  let next = 0;
  let rows = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < API_BATCHES) {
        const b = next++;
        const body = JSON.stringify({
          rows: Array.from({ length: 1000 }, (_, i) => ({
            partnerId: ids.partner,
            touchpointId: ids.touchpoint,
            occurredAt: "2026-03-01T10:00:00Z",
            outcome: "SUCCESS",
            csat: 1 + (i % 5),
            externalRef: `bench-api-${b}-${i}`,
          })),
        });
        const res = await batchInteractions(
          new Request("http://bench.test/api/v1/interactions/batch", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }),
        );
        if (res.status !== 201) throw new Error(`API batch answered ${res.status}: ${await res.text()}`);
        rows += ((await res.json()) as { created: number }).created;
      }
    }),
  );
  return { rows, seconds: (performance.now() - started) / 1000 };
}

export const importScenario: BenchScenario = {
  name: "import",
  description: `${ROWS.toLocaleString("en-US")} interactions from CSV: the importer vs PostgreSQL COPY of the same file; API batch ingest`,
  async run({ databaseUrl, log }) {
    const path = join(tmpdir(), `steward-bench-interactions-${ROWS}.csv`);
    log(`writing ${path}…`);
    await writeCsv(path);
    const tenantId = await seed(databaseUrl);
    const copy = await copyRate(databaseUrl, path);
    log(`COPY: ${copy.rows.toLocaleString("en-US")} rows in ${copy.seconds.toFixed(1)} s`);
    const imported = await importerRate(tenantId, path);
    log(`importer: ${imported.created.toLocaleString("en-US")} rows created, ${imported.errors} errors, in ${imported.seconds.toFixed(1)} s`);
    const again = await importerRate(tenantId, path);
    log(`re-import of the same file: ${again.created} rows created in ${again.seconds.toFixed(1)} s`);
    const api = await apiRate(tenantId);
    log(`API: ${api.rows.toLocaleString("en-US")} rows in ${api.seconds.toFixed(1)} s`);
    const copyRps = copy.rows / copy.seconds;
    const importRps = imported.created / imported.seconds;
    return [
      { scenario: "import", figure: "COPY into a staging table", value: Math.round(copyRps), unit: "rows/s" },
      { scenario: "import", figure: "CSV importer (validate, de-duplicate, insert)", value: Math.round(importRps), unit: "rows/s", goal: `≥ ${Math.round(copyRps / 2)} (half of COPY)`, pass: importRps >= copyRps / 2 },
      { scenario: "import", figure: "importer rows created (all valid)", value: imported.created, unit: "rows", goal: `= ${ROWS}`, pass: imported.created === ROWS && imported.errors === 0 },
      { scenario: "import", figure: "re-import of the same file: rows created", value: again.created, unit: "rows", goal: "= 0", pass: again.created === 0 },
      { scenario: "import", figure: "API batch ingest (1,000 rows/request)", value: Math.round(api.rows / api.seconds), unit: "rows/s" },
    ];
  },
};
