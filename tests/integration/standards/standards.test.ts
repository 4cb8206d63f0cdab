import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  assignPartner,
  createPartner,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import { partnerCompliance, partnerStandards } from "@/lib/standards/assessments";
import type { SessionUser } from "@/lib/auth/session";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const steward = await import("@/app/t/[tenant]/standards/actions");
const portal = await import("@/app/portal/[tenant]/standards/actions");

let database: TestDatabase;
let tenantId = "";
const people: Record<string, SessionUser> = {};
const ids: Record<string, string> = {};

const session = (u: { id: string; email: string; name: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  sessionId: "test",
});
const now = new Date();
const thisMonth = now.toISOString().slice(0, 7);
const lastMonthDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const lastMonth = lastMonthDate.toISOString().slice(0, 7);

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  const s = await createUser({ email: "steward@acme.test" });
  const an = await createUser({ email: "analyst@acme.test" });
  const pa = await createUser({ email: "agent@swift.test" });
  const pb = await createUser({ email: "agent@fixit.test" });
  await withTenant({ tenantId }, async (db) => {
    const swift = await createPartner(db, tenantId, { name: "Swift" });
    const fixit = await createPartner(db, tenantId, { name: "Fixit" });
    const delivery = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const install = await createTouchpoint(db, tenantId, { name: "Install" });
    await assignPartner(db, tenantId, delivery.id, swift.id);
    await assignPartner(db, tenantId, install.id, fixit.id);
    Object.assign(ids, { swift: swift.id, fixit: fixit.id, delivery: delivery.id, install: install.id });
    await addMember(db, { tenantId, userId: s.user.id, role: "STEWARD" });
    await addMember(db, { tenantId, userId: an.user.id, role: "ANALYST" });
    await addMember(db, { tenantId, userId: pa.user.id, role: "PARTNER_AGENT", partnerId: swift.id });
    await addMember(db, { tenantId, userId: pb.user.id, role: "PARTNER_AGENT", partnerId: fixit.id });
  });
  await withTenant({ tenantId: other.tenant.id }, async (db) => {
    const p = await createPartner(db, other.tenant.id, { name: "Foreign" });
    const t = await createTouchpoint(db, other.tenant.id, { name: "Foreign TP" });
    ids.foreignPartner = p.id;
    ids.foreignTouchpoint = t.id;
  });
  Object.assign(people, {
    steward: session(s.user),
    analyst: session(an.user),
    swift: session(pa.user),
    fixit: session(pb.user),
    stranger: session(other.owner.user),
  });
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = people.steward;
});

const std = (over: Record<string, unknown> = {}) => ({
  tenantSlug: "acme",
  touchpointId: ids.delivery,
  name: "On-time delivery",
  description: "",
  metricKind: "PERCENTAGE" as const,
  comparator: "GTE" as const,
  target: 95,
  unit: "",
  weight: 3,
  severity: "HIGH" as const,
  ...over,
});
const standards = () =>
  withTenant({ tenantId }, (db) =>
    db.experienceStandard.findMany({ where: { tenantId }, orderBy: [{ name: "asc" }, { version: "asc" }] }),
  );
const compliance = (partnerId: string, period = now) =>
  withTenant({ tenantId }, (db) => partnerCompliance(db, tenantId, partnerId, period));

describe("standards: create and edit with versioning", () => {
  it("creates version 1 and refuses invalid definitions", async () => {
    const r = await steward.createStandardAction(std());
    expect(r.serverError).toBeUndefined();
    ids.onTime = r.data!.id;
    const bad = await steward.createStandardAction(
      std({ name: "Audit", metricKind: "PASS_FAIL", comparator: "LTE", target: 0 }),
    );
    expect(bad.validationErrors?.fieldErrors).toMatchObject({
      target: ["A pass/fail standard must have comparator GTE and target 1 (met when passed)"],
    });
    const pct = await steward.createStandardAction(std({ name: "Too high", target: 120, weight: -1 }));
    expect(pct.validationErrors?.fieldErrors).toMatchObject({
      target: ["Invalid target: A percentage must be between 0 and 100"],
      weight: ["The weight must be greater than 0"],
    });
    expect(
      (await steward.createStandardAction(std({ name: "Foreign", touchpointId: ids.foreignTouchpoint }))).serverError,
    ).toBe("That touchpoint was not found.");
    signedIn = people.analyst;
    expect((await steward.createStandardAction(std({ name: "By analyst" }))).serverError).toBe(
      "Your role does not allow this.",
    );
    expect((await standards()).map((s) => [s.name, s.version, s.lineageId === s.id])).toEqual([
      ["On-time delivery", 1, true],
    ]);
  });

  it("edits a never-assessed standard in place", async () => {
    const r = await steward.editStandardAction({
      ...std({ target: 90, description: "Within the promised slot" }),
      standardId: ids.onTime,
    });
    expect(r.data).toMatchObject({ kind: "in-place", version: 1, id: ids.onTime });
    expect((await standards()).map((s) => [s.version, s.target, s.isCurrent])).toEqual([[1, 90, true]]);
  });

  it("records a steward assessment with met computed from value, comparator and target", async () => {
    const met = await steward.recordAssessmentAction({
      tenantSlug: "acme",
      partnerId: ids.swift,
      standardId: ids.onTime,
      period: lastMonth,
      value: 92,
      source: "AUDIT",
    });
    expect(met.data).toMatchObject({ met: true });
    const missed = await steward.recordAssessmentAction({
      tenantSlug: "acme",
      partnerId: ids.swift,
      standardId: ids.onTime,
      period: thisMonth,
      value: 85,
      source: "SYSTEM",
    });
    expect(missed.data).toMatchObject({ met: false });
    const row = await withTenant({ tenantId }, (db) =>
      db.assessment.findFirstOrThrow({ where: { tenantId, id: missed.data!.id } }),
    );
    expect(row).toMatchObject({ verification: "VERIFIED", source: "SYSTEM", value: 85, met: false });
    expect(row.period.toISOString().slice(0, 7)).toBe(thisMonth);
  });

  it("refuses bad assessments and changes nothing", async () => {
    const count = () => withTenant({ tenantId }, (db) => db.assessment.count());
    const before = await count();
    const base = {
      tenantSlug: "acme",
      partnerId: ids.swift,
      standardId: ids.onTime,
      period: thisMonth,
      value: 50,
      source: "AUDIT" as const,
    };
    expect((await steward.recordAssessmentAction({ ...base, value: 150 })).serverError).toBe(
      "A percentage must be between 0 and 100.",
    );
    expect(
      (await steward.recordAssessmentAction({ ...base, period: "2999-01" })).validationErrors?.fieldErrors,
    ).toMatchObject({
      period: ["The period cannot be in the future"],
    });
    expect(
      (await steward.recordAssessmentAction({ ...base, period: "last month" })).validationErrors?.fieldErrors,
    ).toMatchObject({
      period: ["Choose the month the measurement covers (YYYY-MM)"],
    });
    expect(
      (await steward.recordAssessmentAction({ ...base, evidenceUrl: "ftp://x" })).validationErrors?.fieldErrors,
    ).toMatchObject({
      evidenceUrl: ["The evidence link must start with http:// or https://"],
    });
    expect((await steward.recordAssessmentAction({ ...base, partnerId: ids.fixit })).serverError).toBe(
      "This standard does not apply to Fixit: assign it to the standard's touchpoint first.",
    );
    expect((await steward.recordAssessmentAction({ ...base, partnerId: ids.foreignPartner })).serverError).toBe(
      "That partner was not found.",
    );
    expect(await count()).toBe(before);
  });

  it("makes a new version when an assessed standard's measurement changes; old assessments keep theirs", async () => {
    const cosmetic = await steward.editStandardAction({
      ...std({ target: 90, description: "Within the slot", name: "On-time delivery (slot)" }),
      standardId: ids.onTime,
    });
    expect(cosmetic.data).toMatchObject({ kind: "in-place", version: 1 });
    const r = await steward.editStandardAction({
      ...std({ target: 97, name: "On-time delivery (slot)", description: "Within the slot" }),
      standardId: ids.onTime,
    });
    expect(r.data).toMatchObject({ kind: "new-version", version: 2, lineageId: ids.onTime });
    ids.onTimeV2 = r.data!.id;
    const all = await standards();
    expect(all.map((s) => [s.version, s.target, s.isCurrent])).toEqual([
      [1, 90, false],
      [2, 97, true],
    ]);
    const assessments = await withTenant({ tenantId }, (db) =>
      db.assessment.findMany({ where: { tenantId }, orderBy: { value: "asc" } }),
    );
    expect(assessments.map((a) => [a.standardId, a.value, a.met])).toEqual([
      [ids.onTime, 85, false],
      [ids.onTime, 92, true],
    ]);
    // The superseded version cannot be edited or assessed any more.
    expect((await steward.editStandardAction({ ...std({ target: 50 }), standardId: ids.onTime })).serverError).toBe(
      "That standard was not found.",
    );
    const log = await withTenant({ tenantId }, (db) =>
      db.auditLog.findFirst({ where: { tenantId, action: "standard.versioned" } }),
    );
    expect(log?.data).toMatchObject({ version: 2, changed: ["target"] });
  });
});

describe("compliance over the database", () => {
  it("is the weighted share of applicable standards met in the period (hand-computed)", async () => {
    // Swift handles Delivery: On-time v2 (w3, ≥97%), Courtesy (w1, rating ≥4.5), Photo proof (w2, pass/fail).
    ids.courtesy = (
      await steward.createStandardAction(
        std({ name: "Courtesy", metricKind: "RATING", target: 4.5, unit: "/5", weight: 1 }),
      )
    ).data!.id;
    ids.photo = (
      await steward.createStandardAction(
        std({ name: "Photo proof", metricKind: "PASS_FAIL", comparator: "GTE", target: 1, weight: 2 }),
      )
    ).data!.id;
    // This month: v1 assessment (85, not met) exists; record v2 98 (met, later → counts), Courtesy 4.2 (not met), Photo not assessed.
    await steward.recordAssessmentAction({
      tenantSlug: "acme",
      partnerId: ids.swift,
      standardId: ids.onTimeV2,
      period: thisMonth,
      value: 98,
      source: "AUDIT",
    });
    await steward.recordAssessmentAction({
      tenantSlug: "acme",
      partnerId: ids.swift,
      standardId: ids.courtesy,
      period: thisMonth,
      value: 4.2,
      source: "SURVEY",
    });
    const c = await compliance(ids.swift);
    // met 3 / assessed 4 = 75%; coverage 4 / 6 = 66.7%
    expect(c).toMatchObject({ score: 75, coverage: 66.7, metWeight: 3, assessedWeight: 4, totalWeight: 6 });
    // Last month only the v1 assessment (92, met) counts, via the lineage: 3/3.
    expect(await compliance(ids.swift, lastMonthDate)).toMatchObject({ score: 100, assessedWeight: 3, totalWeight: 6 });
  });
});

describe("partner self-assessment, acknowledgement and verification", () => {
  it("a partner self-assesses; it waits (PENDING) and does not count until verified", async () => {
    signedIn = people.swift;
    const bad = await portal.selfAssessAction({
      tenantSlug: "acme",
      standardId: ids.photo,
      period: thisMonth,
      value: 1,
      evidenceText: "ok",
    });
    expect(bad.validationErrors?.fieldErrors).toMatchObject({
      evidenceText: ["Describe your evidence (at least 10 characters)"],
    });
    const r = await portal.selfAssessAction({
      tenantSlug: "acme",
      standardId: ids.photo,
      period: thisMonth,
      value: 1,
      evidenceText: "Photo on every delivery in November",
      evidenceUrl: "https://swift.test/photos",
    });
    expect(r.data).toMatchObject({ met: true });
    ids.pending = r.data!.id;
    const row = await withTenant({ tenantId }, (db) =>
      db.assessment.findFirstOrThrow({ where: { tenantId, id: ids.pending } }),
    );
    expect(row).toMatchObject({ source: "SELF_REPORT", verification: "PENDING", partnerId: ids.swift });
    const c = await compliance(ids.swift);
    expect(c).toMatchObject({ score: 75, assessedWeight: 4 });
    expect(c.perStandard.find((s) => s.standardId === ids.photo)).toMatchObject({
      status: "NOT_ASSESSED",
      pendingVerification: true,
    });
  });

  it("a steward verifies it and compliance changes: (3+2)/6 = 83.3%", async () => {
    signedIn = people.swift;
    expect(
      (
        await steward.decideAssessmentAction({
          tenantSlug: "acme",
          assessmentId: ids.pending,
          decision: "VERIFIED",
          reason: "",
        })
      ).serverError,
    ).toBe("Workspace not found.");
    signedIn = people.steward;
    const r = await steward.decideAssessmentAction({
      tenantSlug: "acme",
      assessmentId: ids.pending,
      decision: "VERIFIED",
      reason: "",
    });
    expect(r.data).toEqual({ verification: "VERIFIED" });
    expect(await compliance(ids.swift)).toMatchObject({ score: 83.3, coverage: 100, metWeight: 5, assessedWeight: 6 });
    const again = await steward.decideAssessmentAction({
      tenantSlug: "acme",
      assessmentId: ids.pending,
      decision: "REJECTED",
      reason: "Changed my mind",
    });
    expect(again.serverError).toBe("Only a pending self-assessment can be verified or rejected.");
  });

  it("a rejection needs a reason and keeps it; a rejected report does not count", async () => {
    signedIn = people.swift;
    const r = await portal.selfAssessAction({
      tenantSlug: "acme",
      standardId: ids.courtesy,
      period: thisMonth,
      value: 4.9,
      evidenceText: "Survey of 40 customers",
    });
    signedIn = people.steward;
    const noReason = await steward.decideAssessmentAction({
      tenantSlug: "acme",
      assessmentId: r.data!.id,
      decision: "REJECTED",
      reason: "",
    });
    expect(noReason.validationErrors?.fieldErrors).toMatchObject({
      reason: ["Say why you reject it (at least 5 characters)"],
    });
    const rejected = await steward.decideAssessmentAction({
      tenantSlug: "acme",
      assessmentId: r.data!.id,
      decision: "REJECTED",
      reason: "Sample too small",
    });
    expect(rejected.data).toEqual({ verification: "REJECTED" });
    const row = await withTenant({ tenantId }, (db) =>
      db.assessment.findFirstOrThrow({ where: { tenantId, id: r.data!.id } }),
    );
    expect(row).toMatchObject({ verification: "REJECTED", rejectionReason: "Sample too small" });
    expect(await compliance(ids.swift)).toMatchObject({ score: 83.3 });
  });

  it("a partner acknowledges a standard once", async () => {
    signedIn = people.swift;
    const unconfirmed = await portal.acknowledgeStandardAction({
      tenantSlug: "acme",
      standardId: ids.courtesy,
      confirm: false as true,
    });
    expect(unconfirmed.validationErrors?.fieldErrors).toMatchObject({
      confirm: ["Confirm that your team has read and trained on this standard"],
    });
    expect(
      (await portal.acknowledgeStandardAction({ tenantSlug: "acme", standardId: ids.courtesy, confirm: true }))
        .serverError,
    ).toBeUndefined();
    expect(
      (await portal.acknowledgeStandardAction({ tenantSlug: "acme", standardId: ids.courtesy, confirm: true }))
        .serverError,
    ).toBe("You have already acknowledged this standard.");
    const acks = await withTenant({ tenantId }, (db) => db.standardAcknowledgement.findMany({ where: { tenantId } }));
    expect(acks).toEqual([
      expect.objectContaining({ partnerId: ids.swift, standardId: ids.courtesy, trainingCompleted: true }),
    ]);
  });

  it("a partner cannot read or act on another partner's standards or assessments", async () => {
    signedIn = people.steward;
    ids.fixitStd = (
      await steward.createStandardAction(
        std({ name: "Install tidy", touchpointId: ids.install, metricKind: "PASS_FAIL", target: 1 }),
      )
    ).data!.id;
    await steward.recordAssessmentAction({
      tenantSlug: "acme",
      partnerId: ids.fixit,
      standardId: ids.fixitStd,
      period: thisMonth,
      value: 0,
      source: "AUDIT",
    });

    signedIn = people.swift;
    const count = () => withTenant({ tenantId }, (db) => db.assessment.count());
    const before = await count();
    expect(
      (
        await portal.selfAssessAction({
          tenantSlug: "acme",
          standardId: ids.fixitStd,
          period: thisMonth,
          value: 1,
          evidenceText: "We tidied everything",
        })
      ).serverError,
    ).toBe("That standard was not found.");
    expect(
      (await portal.acknowledgeStandardAction({ tenantSlug: "acme", standardId: ids.fixitStd, confirm: true }))
        .serverError,
    ).toBe("That standard was not found.");
    // A superseded version is not offered either.
    expect(
      (await portal.acknowledgeStandardAction({ tenantSlug: "acme", standardId: ids.onTime, confirm: true }))
        .serverError,
    ).toBe("That standard was not found.");
    expect(await count()).toBe(before);

    // In Swift's scope (RLS), Fixit's assessments and acknowledgements are invisible, and its standards are not listed.
    const seen = await withTenant({ tenantId, partnerId: ids.swift }, async (db) => ({
      assessments: await db.assessment.findMany({ where: { tenantId } }),
      mine: (await partnerStandards(db, tenantId, ids.swift)).map((s) => s.name),
      theirs: await partnerStandards(db, tenantId, ids.fixit),
    }));
    expect(new Set(seen.assessments.map((a) => a.partnerId))).toEqual(new Set([ids.swift]));
    expect(seen.mine).toEqual(["Courtesy", "On-time delivery (slot)", "Photo proof"]);
    expect(seen.theirs).toEqual([]);
  });
});
