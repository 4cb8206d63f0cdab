import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createTenantWithOwner } from "@/lib/seed/factories";
import { detectDelimiter, parseDelimited } from "@/lib/import/csv";
import { contentKeys, guessMapping, IMPORT_FIELDS, type ImportKind } from "@/lib/import/kinds";
import { importRows } from "@/lib/import/import-rows";
import { applyPreset } from "@/lib/onboarding/apply-preset";
import { setupChecklist } from "@/lib/onboarding/checklist";
import { PRESET_TYPES, PRESETS } from "@/lib/onboarding/presets";
import { sampleCsv, SAMPLE_KINDS } from "@/lib/onboarding/samples";
import { createInvitation } from "@/lib/members/invitations";
import { recomputeCustomerValues } from "@/lib/value/recompute";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { validateStandardDefinition } from "@/lib/standards/evaluate";

let database: TestDatabase;
let tenantId = "";
let ownerId = "";
const NOW = new Date();
const LAST_MONTH = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - 1, 1));

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createTenantWithOwner({ slug: "first-run" });
  tenantId = created.tenant.id;
  ownerId = created.owner.user.id;
});
afterAll(() => database.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);
const checklist = () => inTenant((db) => setupChecklist(db, tenantId));

/** What the import page does with a file: map columns by its header, key the rows, send them in one batch. */
async function importSample(kind: ImportKind) {
  const text = sampleCsv(kind, NOW);
  const [header, ...body] = parseDelimited(text, detectDelimiter(text));
  const mapping = guessMapping(kind, header);
  const values = body.map((cells) =>
    Object.fromEntries(Object.entries(mapping).flatMap(([k, i]) => (i === null ? [] : [[k, cells[i]]]))),
  );
  const keys = contentKeys(values);
  const rows = values.map((v, i) => ({ row: i + 2, values: v, key: keys[i] }));
  return { mapping, rows: rows.length, result: await inTenant((db) => importRows(db, tenantId, kind, rows)) };
}

describe("presets", () => {
  it("every preset standard is a valid definition", () => {
    for (const type of PRESET_TYPES)
      for (const tp of PRESETS[type].touchpoints)
        for (const s of tp.standards) expect(validateStandardDefinition(s), `${type}: ${s.name}`).toBeNull();
  });
});

describe("first-run setup checklist", () => {
  it("a new workspace has nothing done and starts with touchpoints", async () => {
    const state = await checklist();
    expect(state.completed).toBe(0);
    expect(state.next).toBe("touchpoints");
    expect(Object.values(state.done).every((d) => !d)).toBe(true);
  });

  it("a preset creates its touchpoints and standards once; touchpoints and standards are then done", async () => {
    const first = await inTenant((db) => applyPreset(db, tenantId, "DELIVERY"));
    expect(first).toEqual({ touchpoints: 2, standards: 4, assignments: 0 });
    expect(await inTenant((db) => applyPreset(db, tenantId, "DELIVERY"))).toEqual({
      touchpoints: 0,
      standards: 0,
      assignments: 0,
    });
    const state = await checklist();
    expect(state.done).toMatchObject({ touchpoints: true, standards: true, partners: false });
    expect(state.facts).toMatchObject({ touchpoints: 2, standards: 4 });
    expect(state.next).toBe("partners");
  });

  it("every sample file imports cleanly through the real importer, and a second import creates nothing", async () => {
    for (const kind of SAMPLE_KINDS) {
      const { mapping, rows, result } = await importSample(kind);
      for (const field of IMPORT_FIELDS[kind].filter((f) => f.required))
        expect(mapping[field.key], `${kind}.${field.key}`).not.toBeNull();
      expect(result.errors, kind).toEqual([]);
      expect(result.created, kind).toBe(rows);
      expect(rows, kind).toBeGreaterThan(0);
      if (kind === "partners") {
        // The installers' preset, applied once partners exist, assigns them to its touchpoints.
        const installer = await inTenant((db) => applyPreset(db, tenantId, "INSTALLER"));
        expect(installer).toEqual({ touchpoints: 2, standards: 4, assignments: 4 });
        expect(await inTenant((db) => applyPreset(db, tenantId, "DELIVERY"))).toMatchObject({ assignments: 4 });
      }
    }
    for (const kind of SAMPLE_KINDS) {
      const again = await importSample(kind);
      expect(again.result, kind).toEqual({ created: 0, existing: again.rows, errors: [] });
    }
    expect(sampleCsv("transactions", NOW)).toBe(sampleCsv("transactions", new Date(NOW.getTime() + 60_000)));
    const state = await checklist();
    expect(state.done).toMatchObject({ partners: true, data: true, invitations: false, scorecard: false });
    expect(state.facts).toMatchObject({
      partners: 4,
      assignedPartners: 4,
      hasCustomers: true,
      hasTransactions: true,
      hasInteractions: true,
    });
    expect(state.next).toBe("invitations");
  });

  it("an invitation to a partner's user completes the invite step (a staff invitation does not)", async () => {
    await inTenant((db) =>
      createInvitation(db, tenantId, ownerId, { email: "analyst@first-run.test", role: "ANALYST" }),
    );
    expect((await checklist()).done.invitations).toBe(false);
    const partner = await inTenant((db) =>
      db.partner.findFirstOrThrow({ where: { tenantId, name: "Sample Swift Couriers" } }),
    );
    await inTenant((db) =>
      createInvitation(db, tenantId, ownerId, {
        email: "dispatch@swift.test",
        role: "PARTNER_ADMIN",
        partnerId: partner.id,
      }),
    );
    const state = await checklist();
    expect(state.done.invitations).toBe(true);
    expect(state.next).toBe("scorecard");
  });

  it("the last step needs customer values and a published scorecard; the sample data gives every partner a score", async () => {
    await inTenant((db) => computeMonth(db, tenantId, LAST_MONTH, NOW));
    expect((await checklist()).done.scorecard).toBe(false);
    const recompute = await recomputeCustomerValues(tenantId, { now: NOW });
    expect(recompute.customers).toBe(60);
    await inTenant((db) => computeMonth(db, tenantId, LAST_MONTH, NOW));
    expect((await checklist()).done.scorecard).toBe(false);
    expect(await inTenant((db) => publishMonth(db, tenantId, LAST_MONTH, ownerId, NOW))).toMatchObject({
      published: 4,
    });
    const cards = await inTenant((db) => db.scorecard.findMany({ where: { tenantId, status: "PUBLISHED" } }));
    expect(cards.every((c) => c.score !== null && c.experienceScore !== null)).toBe(true);
    expect(new Set(cards.map((c) => c.score)).size).toBeGreaterThan(1);
    const state = await checklist();
    expect(state).toMatchObject({ completed: 6, next: null });
  });
});
