/** Writes a planned demo tenant: small tables through createMany, the high-volume ones through bulk unnest inserts. */
import type { Db } from "@/lib/db/scope";
import { createSlaPolicies } from "../factories";
import { BATCH } from "./options";
import type { Plan } from "./plan";

export async function writePlan(db: Db, tenantId: string, plan: Plan, lap: (what: string) => void) {
  const inBatches = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
  };
  await db.partner.createMany({ data: plan.partners });
  await db.membership.createMany({ data: plan.memberships });
  await db.partnerContact.createMany({ data: plan.contacts });
  await db.alignmentQuestion.createMany({ data: plan.questions });
  await db.alignmentAnswer.createMany({ data: plan.answers });
  await db.touchpoint.createMany({ data: plan.touchpoints });
  await db.touchpointPartner.createMany({ data: plan.touchpointPartners });
  await db.experienceStandard.createMany({ data: plan.standards });
  await db.standardAcknowledgement.createMany({ data: plan.acknowledgements });
  await inBatches(plan.assessments, (data) => db.assessment.createMany({ data }));
  await createSlaPolicies(db, tenantId);
  lap("partners, touchpoints, standards");
  await bulkInsert(db, "Customer", plan.customers, [
    { name: "id", type: "text" },
    { name: "externalRef", type: "text" },
    { name: "name", type: "text" },
    { name: "email", type: "text" },
    { name: "segment", type: '"Segment"' },
    { name: "acquiredAt", type: "timestamp(3)" },
    { name: "acquiringPartnerId", type: "text" },
    { name: "acquisitionCost", type: "numeric" },
    { name: "createdAt", type: "timestamp(3)" },
  ]);
  await bulkInsert(db, "Transaction", plan.transactions, [
    { name: "id", type: "text" },
    { name: "customerId", type: "text" },
    { name: "occurredAt", type: "timestamp(3)" },
    { name: "revenue", type: "numeric" },
    { name: "margin", type: "numeric" },
    { name: "servingPartnerId", type: "text" },
    { name: "touchpointId", type: "text" },
    { name: "channel", type: '"Channel"' },
    { name: "externalRef", type: "text" },
  ]);
  lap(`${plan.customers.length} customers, ${plan.transactions.length} transactions`);
  await bulkInsert(db, "Interaction", plan.interactions, [
    { name: "id", type: "text" },
    { name: "partnerId", type: "text" },
    { name: "touchpointId", type: "text" },
    { name: "customerId", type: "text" },
    { name: "occurredAt", type: "timestamp(3)" },
    { name: "outcome", type: '"InteractionOutcome"' },
    { name: "csat", type: "int" },
    { name: "nps", type: "int" },
    { name: "createdAt", type: "timestamp(3)" },
  ]);
  lap(`${plan.interactions.length} interactions`);
  await inBatches(plan.incidents, (data) => db.incident.createMany({ data }));
  await inBatches(plan.incidentEvents, (data) => db.incidentEvent.createMany({ data }));
  await inBatches(plan.escalations, (data) => db.escalation.createMany({ data }));
  await db.partnerSurveyResponse.createMany({ data: plan.surveyResponses });
  lap(`${plan.incidents.length} incidents`);
}

type BulkColumn<R> = { [K in Exclude<keyof R, "tenantId"> & string]: { name: K; type: string } }[Exclude<
  keyof R,
  "tenantId"
> &
  string];

/**
 * INSERT … SELECT FROM unnest(one array per column), in batches: one parameter per column instead
 * of one per value, about 8× faster than createMany on PGlite for the high-volume tables.
 * Column names are checked against the Prisma input type; values are passed as text and cast.
 */
async function bulkInsert<R extends { tenantId: string }>(db: Db, table: string, rows: R[], columns: BulkColumn<R>[]) {
  if (rows.length === 0) return;
  const tenantId = rows[0].tenantId;
  if (rows.some((r) => r.tenantId !== tenantId)) throw new Error(`bulkInsert ${table}: rows of several tenants`);
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" ("tenantId", ${names}) SELECT $1::text, u.* FROM unnest(${arrays}) AS u`;
  const toSql = (v: unknown) =>
    v === undefined || v === null ? null : v instanceof Date ? v.toISOString() : typeof v === "number" ? v : String(v);
  const batch = BATCH * 2;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const params = columns.map((c) => chunk.map((r) => toSql(r[c.name as keyof R])));
    await db.$executeRawUnsafe(sql, tenantId, ...params);
  }
}
