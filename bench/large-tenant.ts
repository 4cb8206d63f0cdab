/**
 * The large tenant the value, scorecards and inbox scenarios share: 1,000 partners, 200,000 customers,
 * 2,000,000 transactions, 2,000,000 interactions, 50,000 incidents, plus what those scenarios read
 * (12 touchpoints with 2 partners' assignments each, 24 standards and a month of assessments, SLA
 * windows, survey answers, 5 steward memberships for the inbox's assignee filter, and CLV snapshots
 * of the two months before the current one, computed by the real value recompute).
 *
 * Built once with set-based SQL (generate_series), in steps drawn on a progress bar; the tenant's
 * name carries DATA_VERSION, so a finished build of the same version is reused and an outdated or
 * interrupted one is rebuilt (the name says "building" until the last step). The month-dependent
 * inputs (assessments, survey, snapshots) are checked on every run and added when the calendar
 * month has moved on since the build.
 *
 * The SQL is that of the scenarios' former builders: transactions as bench/value.ts made them (so
 * the BG/NBD fit still converges), interactions, standards, assessments and survey as
 * bench/scorecards.ts made them, incidents merging bench/inbox.ts and bench/scorecards.ts (see
 * the incidents step).
 */
import pg from "pg";
import { recomputeCustomerValues } from "@/lib/value/recompute";
import { type CatchUp, catchUpIncidents } from "./caught-up-incidents";
import { type ProgressBar, fmt } from "./progress";

export const LARGE_TENANT_ID = "bench-large-tenant";
export const LARGE_TENANT_SLUG = "bench-large";
/** Bumped when the generated data changes, so an old build is replaced. */
export const DATA_VERSION = "Bench large tenant (data v1)";
const BUILDING = "Bench large tenant (building)";

export const PARTNERS = 1_000;
export const CUSTOMERS = 200_000;
export const TRANSACTIONS = 2_000_000;
export const INTERACTIONS = 2_000_000;
export const INCIDENTS = 50_000;
export const TOUCHPOINTS = 12;
export const STEWARDS = 5;
const CHUNK = 200_000;

/** Customers that acquired at an interaction: one interaction each, at acquisition (the value rollup by touchpoint). */
const ACQUISITION_INTERACTIONS = CUSTOMERS;

export type LargeTenant = {
  tenantId: string;
  slug: string;
  dataVersion: string;
  /** Seconds spent building (0 when the build was reused and nothing month-dependent was missing). */
  buildSeconds: number;
  reused: boolean;
  sizes: { label: string; count: number }[];
  /** The running incidents as the escalation sweep would have left them, brought up to date on every run. */
  incidents: CatchUp;
};

export const monthStart = (d: Date, back = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
const quarterOf = (month: Date) => `${month.getUTCFullYear()}-Q${Math.floor(month.getUTCMonth() / 3) + 1}`;
const partnerId = (sql: string) => `'lp' || lpad((${sql})::text, 4, '0')`;
const customerId = (sql: string) => `'lc' || lpad((${sql})::text, 6, '0')`;

type Step = {
  label: string;
  units: number;
  run: (client: pg.Client, report: Parameters<Parameters<ProgressBar["step"]>[2]>[0]) => Promise<unknown>;
};

/** The base data: everything that does not depend on the calendar month. */
function baseSteps(now: Date): Step[] {
  const T = LARGE_TENANT_ID;
  const yearAgo = monthStart(now, 12); // the scorecards' 12 months before the scored month (the month before this one)
  return [
    {
      label: "removing the old build",
      units: 20_000,
      run: async (c) => {
        await c.query(`delete from "Tenant" where id = $1`, [T]);
        await c.query(`select setseed(0.42)`);
        await c.query(`insert into "Tenant" (id, slug, name) values ($1, $2, $3)`, [T, LARGE_TENANT_SLUG, BUILDING]);
      },
    },
    {
      label: "partners, touchpoints, standards, SLA windows, stewards",
      units: 10_000,
      run: async (c) => {
        await c.query(
          `insert into "Partner" ("tenantId", id, name, type, status, region, "updatedAt")
           select $1, ${partnerId("g")}, 'Bench partner ' || g,
                  (array['DELIVERY','INSTALLER','RESELLER','RETAILER','SERVICE','HOST','CURBSIDE','OTHER'])[1 + g % 8]::"PartnerType",
                  'ACTIVE', (array['North','South','East','West','Central'])[1 + g % 5], now()
           from generate_series(0, ${PARTNERS - 1}) g`,
          [T],
        );
        await c.query(
          `insert into "Touchpoint" ("tenantId", id, name, stage, channel, position)
           select $1, 'lt' || g, 'Bench touchpoint ' || g, 'engage', (array['ONLINE','STORE','PHONE','FIELD'])[1 + g % 4]::"Channel", g
           from generate_series(0, ${TOUCHPOINTS - 1}) g`,
          [T],
        );
        // each partner serves two touchpoints (scorecards)
        await c.query(
          `insert into "TouchpointPartner" ("tenantId", "touchpointId", "partnerId")
           select $1, 'lt' || ((g + k * 5) % ${TOUCHPOINTS}), ${partnerId("g")} from generate_series(0, ${PARTNERS - 1}) g, generate_series(0, 1) k`,
          [T],
        );
        await c.query(
          `insert into "ExperienceStandard" ("tenantId", id, "lineageId", "touchpointId", name, "metricKind", comparator, target, unit, weight, severity, version, "isCurrent")
           select $1, 'ls' || t || '-' || k, 'ls' || t || '-' || k, 'lt' || t, 'Standard ' || t || '.' || k, 'PERCENTAGE', 'GTE', 95, '%', 1 + k, 'MEDIUM', 1, true
           from generate_series(0, ${TOUCHPOINTS - 1}) t, generate_series(0, 1) k`,
          [T],
        );
        await c.query(
          `insert into "SlaPolicy" ("tenantId", id, severity, "ackMinutes", "resolveMinutes", "updatedAt")
           values ($1, 'lsla-c', 'CRITICAL', 15, 240, now()), ($1, 'lsla-h', 'HIGH', 60, 1440, now()),
                  ($1, 'lsla-m', 'MEDIUM', 240, 4320, now()), ($1, 'lsla-l', 'LOW', 480, 10080, now())`,
          [T],
        );
        // the inbox's assignee filter: steward memberships (users are global: keep them across rebuilds)
        await c.query(
          `insert into "User" (id, email, name, "passwordHash")
           select 'bench-large-u' || g, 'steward' || g || '@bench-large.test', 'Steward ' || g, 'x' from generate_series(1, ${STEWARDS}) g
           on conflict do nothing`,
        );
        await c.query(
          `insert into "Membership" ("tenantId", id, "userId", role)
           select $1, 'bench-large-m' || g, 'bench-large-u' || g, 'STEWARD' from generate_series(1, ${STEWARDS}) g`,
          [T],
        );
      },
    },
    {
      // value.ts: acquired over the last 1,000 days; a third acquired by a partner
      label: "customers",
      units: CUSTOMERS,
      run: async (c, report) => {
        await c.query(
          `insert into "Customer" ("tenantId", id, name, segment, "acquiredAt", "acquiringPartnerId")
           select $1, ${customerId("g")}, 'Bench customer ' || g,
                  (case when g % 5 = 0 then 'B2B' else 'B2C' end)::"Segment",
                  date_trunc('day', now()) - make_interval(days => 1 + floor(random() * 1000)::int, secs => floor(random() * 86000)::int),
                  case when g % 3 = 0 then ${partnerId(`g % ${PARTNERS}`)} end
           from generate_series(1, ${CUSTOMERS}) g`,
          [T],
        );
        report(CUSTOMERS, CUSTOMERS);
      },
    },
    {
      // value.ts: the first purchase at acquisition
      label: "transactions (first purchases)",
      units: CUSTOMERS,
      run: async (c, report) => {
        await c.query(
          `insert into "Transaction" ("tenantId", id, "customerId", "occurredAt", revenue, margin, "servingPartnerId", channel)
           select $1, 'lx' || c.id, c.id, c."acquiredAt", 100, round((10 + random() * 60)::numeric, 2),
                  case when random() < 0.7 then ${partnerId(`floor(random() * ${PARTNERS})`)} end,
                  (array['ONLINE','STORE','PHONE','FIELD'])[1 + floor(random() * 4)::int]::"Channel"
           from "Customer" c where c."tenantId" = $1`,
          [T],
        );
        report(CUSTOMERS, TRANSACTIONS);
      },
    },
    {
      // value.ts: repeat purchases as a Poisson process per customer (rate ~ exponential across customers)
      // until the customer silently drops out (lifetime ~ exponential, mean 400 days) — the kind of history
      // BG/NBD is for. About 2.2M candidates are drawn and exactly 1.8M kept at random (thinning keeps the
      // processes Poisson); numbered here so the insert can go in chunks.
      label: "drawing repeat purchases",
      units: 150_000,
      run: async (c) => {
        await c.query(`drop table if exists bench_life; drop table if exists bench_repeat`);
        await c.query(
          `create temporary table bench_life as
           select c.id, c."acquiredAt" as born,
                  least(extract(epoch from now() - c."acquiredAt"), -ln(1 - random()) * 400 * 86400.0) as active_s,
                  -ln(1 - random()) * 0.04 as rate_per_day
           from "Customer" c where c."tenantId" = $1`,
          [T],
        );
        await c.query(
          `create temporary table bench_repeat as
           select row_number() over () as rn, r.id, r.at from (
             select l.id, l.born + random() * l.active_s * interval '1 second' as at
             from bench_life l
             cross join lateral generate_series(1, floor(l.rate_per_day * l.active_s / 86400.0 * 1.25 + random())::int) g
             order by random()
             limit ${TRANSACTIONS - CUSTOMERS}
           ) r`,
        );
        await c.query(`create index on bench_repeat (rn)`);
      },
    },
    {
      label: "transactions",
      units: TRANSACTIONS - CUSTOMERS,
      run: async (c, report) => {
        const total = TRANSACTIONS - CUSTOMERS;
        for (let from = 1; from <= total; from += CHUNK) {
          const to = Math.min(total, from + CHUNK - 1);
          await c.query(
            `insert into "Transaction" ("tenantId", id, "customerId", "occurredAt", revenue, margin, "servingPartnerId", channel)
             select $1, 'lx' || r.rn, r.id, r.at, 100, round((5 + random() * 80)::numeric, 2),
                    case when random() < 0.7 then ${partnerId(`floor(random() * ${PARTNERS})`)} end,
                    (array['ONLINE','STORE','PHONE','FIELD'])[1 + floor(random() * 4)::int]::"Channel"
             from bench_repeat r where r.rn between ${from} and ${to}`,
            [T],
          );
          report(CUSTOMERS + to, TRANSACTIONS, { label: "transactions", fraction: to / total });
        }
        await c.query(`drop table bench_life; drop table bench_repeat`);
      },
    },
    {
      // Interactions: 200,000 (one per customer) at acquisition, naming the customer (the value rollup by
      // touchpoint attributes customers through them, as value.ts made them), and 1,800,000 over the 12
      // months before the scored month as scorecards.ts made them (partner quality varies; CSAT on 60 %,
      // NPS on 40 %). Every interaction gets the scorecards' outcome/CSAT/NPS mix.
      label: "interactions",
      units: INTERACTIONS,
      run: async (c, report) => {
        const outcome = `(case when r < 0.8 then 'SUCCESS' when r < 0.9 then 'PARTIAL' else 'FAILURE' end)::"InteractionOutcome",
                         case when random() < 0.6 then 1 + floor(random() * 5)::int end,
                         case when random() < 0.4 then floor(random() * 11)::int end`;
        await c.query(
          `insert into "Interaction" ("tenantId", id, "partnerId", "touchpointId", "customerId", "occurredAt", outcome, csat, nps)
           select $1, 'li' || x.id, coalesce(x."acquiringPartnerId", ${partnerId(`floor(random() * ${PARTNERS})`)}),
                  'lt' || floor(random() * ${TOUCHPOINTS})::int, x.id, x."acquiredAt", ${outcome}
           from (select c.id, c."acquiringPartnerId", c."acquiredAt", random() as r from "Customer" c where c."tenantId" = $1) x`,
          [T],
        );
        report(ACQUISITION_INTERACTIONS, INTERACTIONS);
        for (let from = ACQUISITION_INTERACTIONS + 1; from <= INTERACTIONS; from += CHUNK) {
          const to = Math.min(INTERACTIONS, from + CHUNK - 1);
          await c.query(
            `insert into "Interaction" ("tenantId", id, "partnerId", "touchpointId", "occurredAt", outcome, csat, nps)
             select $1, 'li' || g, ${partnerId(`g % ${PARTNERS}`)}, 'lt' || (g % ${TOUCHPOINTS}),
                    $2::timestamp + random() * (now() - $2::timestamp), ${outcome}
             from (select g, random() as r from generate_series(${from}, ${to}) g) x`,
            [T, yearAgo],
          );
          report(to, INTERACTIONS);
        }
      },
    },
    {
      // Incidents, merging the inbox's and the scorecards' distributions:
      // - status and deadlines as inbox.ts: every 5th incident still needs work (OPEN / ACKNOWLEDGED /
      //   IN_PROGRESS / WAITING in turn) with its deadline spread evenly from 3 days overdue to 4 days
      //   ahead (nextDueAt, none while WAITING); a third assigned to one of the 5 stewards, escalation
      //   levels 1-3; the rest alternate RESOLVED / CLOSED.
      // - timings as scorecards.ts for the resolved and closed ones (80 %; the scorecards had 90 %
      //   resolved): opened at random over the same 12 months, resolve window 72 h, ack window 4 h,
      //   resolved 0-120 h after opening (so ~60 % within the window), closed a day later.
      // - the open ones were opened 4 days before their deadline (a 96 h window) so none lies in the
      //   future; they sit in the current month and do not touch the scored month.
      // - severity at random (inbox.ts tied it to the status: every open incident was CRITICAL);
      //   partner at random over the 1,000 (a g-based pick would leave most partners without open
      //   incidents); half name a customer (value.ts) for the equity at risk; 1-5 customers affected.
      label: "incidents",
      units: 75_000,
      run: async (c, report) => {
        await c.query(
          `insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", "customerId", severity, category, title, description,
             "customersAffected", status, source, "escalationLevel", "assigneeId", "openedAt", "acknowledgedAt", "resolvedAt", "closedAt",
             "pausedAt", "ackDueAt", "resolveDueAt", "nextDueAt", "rootCause", resolution, "createdAt", "updatedAt")
           select $1, 'ln' || x.g, x.g, ${partnerId(`floor(random() * ${PARTNERS})`)}, 'lt' || (x.g % ${TOUCHPOINTS}),
                  case when x.g % 2 = 0 then ${customerId(`x.g * 97 % ${CUSTOMERS} + 1`)} end,
                  (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + floor(random() * 4)::int]::"Severity", 'Late delivery', 'Bench incident ' || x.g, 'Generated',
                  1 + x.g % 5, x.status::"IncidentStatus", 'STEWARD', 1 + (x.g % 7 = 0)::int + (x.g % 21 = 0)::int,
                  case when x.g % 3 = 0 then 'bench-large-m' || (1 + x.g % ${STEWARDS}) end,
                  o.opened, case when x.status <> 'OPEN' then o.opened + interval '10 minutes' end,
                  o.resolved, case when x.status = 'CLOSED' then least(o.resolved + interval '1 day', now()) end,
                  case when x.status = 'WAITING' then now() - interval '1 hour' end,
                  o.opened + interval '4 hours', o.due,
                  case when x.status in ('OPEN','ACKNOWLEDGED','IN_PROGRESS') then o.due end,
                  case when not x.open then 'Cause' end, case when not x.open then 'Fixed' end, o.opened, now()
           from (
             select g, s.status, s.status in ('OPEN','ACKNOWLEDGED','IN_PROGRESS','WAITING') as open
             from generate_series(1, ${INCIDENTS}) g
             cross join lateral (select case when g % 5 = 0 then (array['OPEN','ACKNOWLEDGED','IN_PROGRESS','WAITING'])[1 + (g / 5) % 4]
                                             when g % 2 = 0 then 'CLOSED' else 'RESOLVED' end as status) s
           ) x
           cross join lateral (
             select opened, due, case when not x.open then least(opened + random() * interval '120 hours', now()) end as resolved
             from (select case when x.open then now() + ((x.g % 10080) - 4320) * interval '1 minute' - interval '96 hours'
                               else $2::timestamp + random() * (now() - $2::timestamp) end as opened) a
             cross join lateral (select a.opened + case when x.open then interval '96 hours' else interval '72 hours' end as due) b
           ) o`,
          [T, yearAgo],
        );
        report(INCIDENTS, INCIDENTS);
      },
    },
  ];
}

const VACUUMED = [
  ["Partner", 1_000],
  ["Customer", 10_000],
  ["Transaction", 40_000],
  ["Interaction", 40_000],
  ["Incident", 5_000],
  ["TouchpointPartner", 1_000],
] as const;

const vacuumStep = (table: string, units: number): Step => ({
  label: `vacuum analyze ${table}`,
  units,
  // one statement each: several in one query string run as one transaction block, which VACUUM refuses
  run: (c) => c.query(`vacuum analyze "${table}"`),
});

type MonthNeeds = { assessments: boolean; survey: boolean; snapshots: Date[] };

async function monthNeeds(c: pg.Client, month: Date): Promise<MonthNeeds> {
  const T = LARGE_TENANT_ID;
  const { rows } = await c.query(
    `select (select count(*)::int from "Assessment" where "tenantId" = $1 and period = $2::date) as assessments,
            (select count(*)::int from "PartnerSurveyResponse" where "tenantId" = $1 and quarter = $3) as survey,
            array(select distinct "asOf"::text from "ClvFit" where "tenantId" = $1) as fits`,
    [T, month, quarterOf(month)],
  );
  const fitted = new Set<string>(rows[0].fits);
  return {
    assessments: rows[0].assessments === 0,
    survey: rows[0].survey === 0,
    snapshots: [monthStart(month, 1), month].filter((m) => !fitted.has(m.toISOString().slice(0, 10))),
  };
}

/**
 * What the scorecards scenario reads for the month it scores (the month before the current one):
 * the month's assessments and the quarter's survey answers (as scorecards.ts made them), and CLV
 * snapshots of that month and the one before (its equity and last month's equity), computed by the
 * app's value recompute (BG/NBD fit + score, snapshots, materialized equity rollups) — real values
 * instead of the random ones scorecards.ts used to insert.
 */
function monthSteps(month: Date, needs: MonthNeeds): Step[] {
  const T = LARGE_TENANT_ID;
  const steps: Step[] = [];
  if (needs.assessments || needs.survey)
    steps.push({
      label: `assessments and survey answers of ${month.toISOString().slice(0, 7)}`,
      units: 10_000,
      run: async (c) => {
        if (needs.assessments)
          await c.query(
            `insert into "Assessment" ("tenantId", id, "partnerId", "standardId", period, value, met, source)
             select $1, 'la' || tp."partnerId" || s.id || to_char($2::date, 'YYYYMM'), tp."partnerId", s.id, $2::date, 90 + random() * 10, random() < 0.7, 'AUDIT'
             from "TouchpointPartner" tp join "ExperienceStandard" s on s."tenantId" = tp."tenantId" and s."touchpointId" = tp."touchpointId"
             where tp."tenantId" = $1`,
            [T, month],
          );
        if (needs.survey)
          await c.query(
            `insert into "PartnerSurveyResponse" ("tenantId", id, "partnerId", "userId", quarter, communication, fairness, tools, support)
             select $1, 'lr' || g || '-' || u || '-' || $2, ${partnerId("g")}, 'bench-user-' || u, $2,
                    1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int
             from generate_series(0, ${PARTNERS - 1}) g, generate_series(1, 3) u`,
            [T, quarterOf(month)],
          );
        await c.query(`vacuum analyze "Assessment"`);
      },
    });
  for (const asOf of needs.snapshots) {
    const name = asOf.toISOString().slice(0, 7);
    steps.push({
      label: `CLV snapshots of ${name} (value recompute)`,
      // weights are rows inserted; a month's recompute takes about as long as 1,000,000 of them
      units: 1_000_000,
      run: async (_c, report) => {
        const phases: Record<string, number> = {
          "Reading transactions": 0,
          "Fitting the model": 0.33,
          "Scoring customers": 0.36,
          "Writing customer values": 0.4,
        };
        const result = await recomputeCustomerValues(T, {
          month: asOf,
          onProgress: (p) => {
            const start = phases[p.phase] ?? 0.4;
            const fraction =
              p.phase === "Writing customer values" && p.total > 0 ? 0.4 + (0.45 * p.done) / p.total : start;
            const writing = p.phase === "Writing customer values";
            report(writing ? p.done : 0, writing ? p.total : 0, {
              label: `CLV ${name}: ${p.phase.toLowerCase()}`,
              fraction,
            });
          },
        });
        report(result.customers, result.customers, {
          label: `CLV ${name}: ${fmt(result.written)} snapshots, equity rollups`,
        });
      },
    });
  }
  if (needs.snapshots.length) steps.push(vacuumStep("CustomerValue", 50_000), vacuumStep("EquityRollup", 1_000));
  return steps;
}

async function sizes(c: pg.Client): Promise<LargeTenant["sizes"]> {
  const { rows } = await c.query(
    `select (select count(*)::int from "Partner" where "tenantId" = $1) as partners,
            (select count(*)::int from "Customer" where "tenantId" = $1) as customers,
            (select count(*)::int from "Transaction" where "tenantId" = $1) as transactions,
            (select count(*)::int from "Interaction" where "tenantId" = $1) as interactions,
            (select count(*)::int from "Incident" where "tenantId" = $1) as incidents,
            (select count(*)::int from "Incident" where "tenantId" = $1 and status in ('OPEN','ACKNOWLEDGED','IN_PROGRESS','WAITING')) as open,
            (select count(*)::int from "CustomerValue" where "tenantId" = $1) as snapshots,
            (select count(*)::int from "Assessment" where "tenantId" = $1) as assessments`,
    [LARGE_TENANT_ID],
  );
  const r = rows[0];
  return [
    { label: "partners", count: r.partners },
    { label: "customers", count: r.customers },
    { label: "transactions", count: r.transactions },
    { label: "interactions", count: r.interactions },
    { label: "incidents", count: r.incidents },
    { label: "incidents needing work", count: r.open },
    { label: "CLV snapshots", count: r.snapshots },
    { label: "assessments", count: r.assessments },
  ];
}

/**
 * Builds the large tenant when it is missing or outdated, adds the month-dependent inputs when
 * missing, and returns its sizes. `databaseUrl` is the owner's URL (bulk SQL, VACUUM); the value
 * recompute runs through the app's client (connectDatabase must have been called).
 */
export async function ensureLargeTenant(
  databaseUrl: string,
  progress: ProgressBar,
  now = new Date(),
): Promise<LargeTenant> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // FORCE ROW LEVEL SECURITY applies to the owner too: name the tenant for the session.
    await client.query(`select set_config('app.tenant_id', $1, false)`, [LARGE_TENANT_ID]);
    const { rows } = await client.query(`select name from "Tenant" where id = $1`, [LARGE_TENANT_ID]);
    const rebuild = rows[0]?.name !== DATA_VERSION;
    const month = monthStart(now, 1);
    const steps: Step[] = rebuild ? [...baseSteps(now), ...VACUUMED.map(([t, u]) => vacuumStep(t, u))] : [];
    const needs: MonthNeeds = rebuild
      ? { assessments: true, survey: true, snapshots: [monthStart(month, 1), month] }
      : await monthNeeds(client, month);
    steps.push(...monthSteps(month, needs));
    if (rebuild)
      steps.push({
        label: "stamping the build",
        units: 1,
        run: (c) => c.query(`update "Tenant" set name = $2 where id = $1`, [LARGE_TENANT_ID, DATA_VERSION]),
      });
    let buildSeconds = 0;
    if (steps.length) {
      progress.start(steps.reduce((s, step) => s + step.units, 0));
      for (const step of steps) await progress.step(step.label, step.units, (report) => step.run(client, report));
      buildSeconds = progress.finish(rebuild ? "large tenant built" : "month inputs added");
    }
    const incidents = await catchUpIncidents(LARGE_TENANT_ID, new Date());
    return {
      tenantId: LARGE_TENANT_ID,
      slug: LARGE_TENANT_SLUG,
      dataVersion: DATA_VERSION,
      buildSeconds,
      reused: !rebuild,
      sizes: await sizes(client),
      incidents,
    };
  } finally {
    await client.end();
  }
}
