import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import { listPartners, parsePartnerListQuery } from "@/lib/partners/partners";
import type { SessionUser } from "@/lib/auth/session";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createPartnerAction, updatePartnerAction, transitionPartnerAction, saveAlignmentAction } = await import(
  "@/app/t/[tenant]/partners/actions"
);
const { createQuestionAction, updateQuestionAction } = await import("@/app/t/[tenant]/settings/alignment/actions");

let database: TestDatabase;
const people: Record<string, SessionUser> = {};
let tenantId = "";
let otherTenantId = "";
let foreignPartnerId = "";

const session = (u: { id: string; email: string; name: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  sessionId: "test",
});

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  otherTenantId = other.tenant.id;
  const steward = await createUser({ email: "steward@acme.test" });
  const analyst = await createUser({ email: "analyst@acme.test" });
  await withTenant({ tenantId }, async (db) => {
    await addMember(db, { tenantId, userId: steward.user.id, role: "STEWARD" });
    await addMember(db, { tenantId, userId: analyst.user.id, role: "ANALYST" });
  });
  foreignPartnerId = (
    await withTenant({ tenantId: otherTenantId }, (db) => createPartner(db, otherTenantId, { name: "Foreign Co" }))
  ).id;
  people.owner = session(owner.user);
  people.steward = session(steward.user);
  people.analyst = session(analyst.user);
  people.stranger = session(other.owner.user);
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = people.steward;
});

const partnerCount = () => withTenant({ tenantId }, (db) => db.partner.count());
const audit = (entityId: string) =>
  withTenant({ tenantId }, (db) =>
    db.auditLog.findMany({ where: { tenantId, entityId }, orderBy: { createdAt: "asc" } }),
  );
const partnerRow = (id: string) =>
  withTenant({ tenantId }, (db) =>
    db.partner.findFirstOrThrow({ where: { tenantId, id }, include: { contacts: true } }),
  );

const valid = {
  tenantSlug: "acme",
  name: "Swift Couriers",
  type: "DELIVERY" as const,
  tier: "SILVER" as const,
  region: "North",
  contractStart: "2026-01-01",
  contractEnd: "2027-12-31",
  website: "https://swift.test",
  description: "Same-day delivery",
  contactName: "Ana Ruiz",
  contactEmail: "Ana@Swift.test",
  contactPhone: "",
};

describe("creating and editing a partner", () => {
  let partnerId = "";

  it("creates a PROSPECT with its primary contact and an audit row", async () => {
    const result = await createPartnerAction(valid);
    expect(result.serverError).toBeUndefined();
    partnerId = result.data!.id;
    const partner = await partnerRow(partnerId);
    expect(partner).toMatchObject({
      name: "Swift Couriers",
      status: "PROSPECT",
      tier: "SILVER",
      website: "https://swift.test",
      alignmentScore: null,
    });
    expect(partner.contractStart?.toISOString().slice(0, 10)).toBe("2026-01-01");
    expect(partner.contacts).toEqual([
      expect.objectContaining({ name: "Ana Ruiz", email: "ana@swift.test", isPrimary: true }),
    ]);
    expect((await audit(partnerId)).map((a) => a.action)).toEqual(["partner.created"]);
  });

  it("answers bad input with specific messages and creates nothing", async () => {
    const before = await partnerCount();
    const result = await createPartnerAction({
      ...valid,
      name: " ",
      region: "",
      contractStart: "2026-05-01",
      contractEnd: "2026-01-01",
      website: "swift.test",
      contactName: "",
      contactEmail: "not-an-email",
    });
    expect(result.validationErrors?.fieldErrors).toMatchObject({
      name: ["Enter the partner's name (at least 2 characters)"],
      region: ["Enter the region the partner serves"],
      website: ["The website must start with http:// or https://"],
      contactEmail: ["Enter a valid e-mail address for the contact"],
    });
    const order = await createPartnerAction({
      ...valid,
      name: "Other Name",
      contractStart: "2026-05-01",
      contractEnd: "2026-01-01",
    });
    expect(order.validationErrors?.fieldErrors).toMatchObject({
      contractEnd: ["The contract cannot end before it starts"],
    });
    expect(await partnerCount()).toBe(before);
  });

  it("refuses a duplicate name (case-insensitive) and an analyst", async () => {
    const before = await partnerCount();
    expect((await createPartnerAction({ ...valid, name: "swift couriers" })).serverError).toBe(
      'A partner named "swift couriers" already exists.',
    );
    signedIn = people.analyst;
    expect((await createPartnerAction({ ...valid, name: "Analyst Co" })).serverError).toBe(
      "Your role does not allow this.",
    );
    expect(await partnerCount()).toBe(before);
  });

  it("edits the profile and contact, and answers a foreign or unknown id as not found", async () => {
    const result = await updatePartnerAction({
      ...valid,
      partnerId,
      tier: "GOLD",
      region: "South",
      contactName: "Ben Ode",
      contactEmail: "",
    });
    expect(result.serverError).toBeUndefined();
    const partner = await partnerRow(partnerId);
    expect(partner).toMatchObject({ tier: "GOLD", region: "South", status: "PROSPECT" });
    expect(partner.contacts).toEqual([expect.objectContaining({ name: "Ben Ode", email: null })]);
    const log = await audit(partnerId);
    expect(log.at(-1)).toMatchObject({ action: "partner.updated", data: { changed: ["tier", "region"] } });

    for (const id of [foreignPartnerId, "no-such-partner"]) {
      const r = await updatePartnerAction({ ...valid, partnerId: id, name: "Hijack" });
      expect(r.serverError).toBe("That partner was not found.");
    }
    const foreign = await withTenant({ tenantId: otherTenantId }, (db) =>
      db.partner.findFirstOrThrow({ where: { id: foreignPartnerId } }),
    );
    expect(foreign.name).toBe("Foreign Co");
  });
});

describe("the lifecycle and the values-alignment questionnaire", () => {
  let partnerId = "";
  const questionIds: string[] = [];

  beforeAll(async () => {
    signedIn = people.owner;
    // weights 3, 1, 0-excluded-by-inactive
    for (const [text, weight, active] of [
      ["Puts the customer first", 3, true],
      ["Is honest when things go wrong", 1, true],
      ["Uses sustainable packaging", 2, false],
    ] as const) {
      const r = await createQuestionAction({ tenantSlug: "acme", text, weight, active });
      expect(r.serverError).toBeUndefined();
      questionIds.push(r.data!.id);
    }
    signedIn = people.steward;
    partnerId = (await createPartnerAction({ ...valid, name: "Lifecycle Co", contactName: "", contactEmail: "" })).data!
      .id;
  });

  it("refuses a transition the lifecycle does not allow and one without a reason", async () => {
    const skip = await transitionPartnerAction({
      tenantSlug: "acme",
      partnerId,
      to: "ACTIVE",
      reason: "Looks good to us",
    });
    expect(skip.serverError).toBe("A partner in PROSPECT cannot move to ACTIVE; allowed: VETTING, OFFBOARDED");
    const noReason = await transitionPartnerAction({ tenantSlug: "acme", partnerId, to: "VETTING", reason: "  " });
    expect(noReason.validationErrors?.fieldErrors).toMatchObject({ reason: ["Give a reason (at least 5 characters)"] });
    expect((await partnerRow(partnerId)).status).toBe("PROSPECT");
  });

  it("moves PROSPECT → VETTING with the reason in the audit log", async () => {
    const r = await transitionPartnerAction({
      tenantSlug: "acme",
      partnerId,
      to: "VETTING",
      reason: "Shortlisted for the north region",
    });
    expect(r.data).toMatchObject({ from: "PROSPECT", to: "VETTING" });
    expect((await partnerRow(partnerId)).status).toBe("VETTING");
    expect((await audit(partnerId)).at(-1)).toMatchObject({
      action: "partner.status_changed",
      actorLabel: "steward@acme.test",
      data: { from: "PROSPECT", to: "VETTING", reason: "Shortlisted for the north region" },
    });
  });

  it("needs an alignment score before VETTING → ACTIVE", async () => {
    const r = await transitionPartnerAction({
      tenantSlug: "acme",
      partnerId,
      to: "ACTIVE",
      reason: "Vetting complete",
    });
    expect(r.serverError).toBe("Complete the values-alignment questionnaire before activating this partner.");
    expect((await partnerRow(partnerId)).status).toBe("VETTING");
  });

  it("scores the questionnaire onto the partner: (3·4/5 + 1·2/5) / 4 · 100 = 70", async () => {
    const bad = await saveAlignmentAction({
      tenantSlug: "acme",
      partnerId,
      answers: [{ questionId: questionIds[0], rating: 7 }],
    });
    expect(bad.validationErrors).toBeDefined();
    const inactive = await saveAlignmentAction({
      tenantSlug: "acme",
      partnerId,
      answers: [{ questionId: questionIds[2], rating: 5 }],
    });
    expect(inactive.serverError).toBe("That question was not found.");
    expect((await partnerRow(partnerId)).alignmentScore).toBeNull();

    const r = await saveAlignmentAction({
      tenantSlug: "acme",
      partnerId,
      answers: [
        { questionId: questionIds[0], rating: 4 },
        { questionId: questionIds[1], rating: 2 },
      ],
    });
    expect(r.data).toMatchObject({ score: 70, unanswered: 0 });
    expect((await partnerRow(partnerId)).alignmentScore).toBe(70);
    // Re-rating replaces the answer: (3·5/5 + 1·2/5)/4·100 = 85
    await saveAlignmentAction({ tenantSlug: "acme", partnerId, answers: [{ questionId: questionIds[0], rating: 5 }] });
    expect((await partnerRow(partnerId)).alignmentScore).toBe(85);
  });

  it("then goes ACTIVE ⇄ PROBATION → OFFBOARDED, and OFFBOARDED is final", async () => {
    for (const to of ["ACTIVE", "PROBATION", "ACTIVE", "PROBATION", "OFFBOARDED"] as const) {
      const r = await transitionPartnerAction({ tenantSlug: "acme", partnerId, to, reason: `Moving to ${to}` });
      expect(r.serverError).toBeUndefined();
    }
    const again = await transitionPartnerAction({
      tenantSlug: "acme",
      partnerId,
      to: "ACTIVE",
      reason: "Come back please",
    });
    expect(again.serverError).toBe(
      "A partner in OFFBOARDED cannot move to ACTIVE; allowed: none (OFFBOARDED is final)",
    );
    const changes = (await audit(partnerId))
      .filter((a) => a.action === "partner.status_changed")
      .map((a) => (a.data as { to: string }).to);
    expect(changes).toEqual(["VETTING", "ACTIVE", "PROBATION", "ACTIVE", "PROBATION", "OFFBOARDED"]);
  });

  it("lets only an owner edit the questions, with validation", async () => {
    signedIn = people.steward;
    expect(
      (await createQuestionAction({ tenantSlug: "acme", text: "Steward question", weight: 1, active: true }))
        .serverError,
    ).toBe("Your role does not allow this.");
    signedIn = people.owner;
    const bad = await createQuestionAction({ tenantSlug: "acme", text: "Hi", weight: 0, active: true });
    expect(bad.validationErrors?.fieldErrors).toMatchObject({
      text: ["Write the question (at least 5 characters)"],
      weight: ["The weight must be greater than 0"],
    });
    const upd = await updateQuestionAction({
      tenantSlug: "acme",
      questionId: questionIds[1],
      text: "Is honest, always",
      weight: 2,
      active: true,
    });
    expect(upd.serverError).toBeUndefined();
    signedIn = people.stranger;
    const foreign = await updateQuestionAction({
      tenantSlug: "other",
      questionId: questionIds[1],
      text: "Hijacked text",
      weight: 2,
      active: true,
    });
    expect(foreign.serverError).toBe("That question was not found.");
    const q = await withTenant({ tenantId }, (db) =>
      db.alignmentQuestion.findMany({ where: { tenantId }, orderBy: { position: "asc" } }),
    );
    expect(q.map((x) => [x.text, x.weight])).toEqual([
      ["Puts the customer first", 3],
      ["Is honest, always", 2],
      ["Uses sustainable packaging", 2],
    ]);
  });
});

describe("the partner list query", () => {
  beforeAll(async () => {
    await withTenant({ tenantId }, async (db) => {
      for (let i = 1; i <= 25; i++)
        await createPartner(db, tenantId, {
          name: `Listed ${String(i).padStart(2, "0")}`,
          type: i % 2 ? "INSTALLER" : "RESELLER",
          tier: i <= 5 ? "GOLD" : "REGISTERED",
          status: i % 5 === 0 ? "PROBATION" : "ACTIVE",
          region: i % 3 === 0 ? "East" : "West",
          alignmentScore: i === 7 ? 99 : i,
        });
    });
  });
  const list = (params: Record<string, string>) =>
    withTenant({ tenantId }, (db) => listPartners(db, tenantId, parsePartnerListQuery(params)));

  it("filters by type, tier, status and region, and searches", async () => {
    expect((await list({ q: "listed", type: "INSTALLER" })).total).toBe(13);
    expect((await list({ q: "listed", tier: "GOLD", type: "RESELLER" })).rows.map((r) => r.name)).toEqual([
      "Listed 02",
      "Listed 04",
    ]);
    expect((await list({ status: "PROBATION" })).rows.map((r) => r.name)).toEqual([
      "Listed 05",
      "Listed 10",
      "Listed 15",
      "Listed 20",
      "Listed 25",
    ]);
    expect((await list({ region: "east" })).total).toBe(8);
    expect((await list({ q: "LISTED 1" })).total).toBe(10);
  });

  it("sorts and paginates on the server, ignoring bad params", async () => {
    const page1 = await list({ q: "Listed", sort: "alignmentScore", dir: "desc" });
    expect(page1).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(page1.rows.slice(0, 3).map((r) => r.name)).toEqual(["Listed 07", "Listed 25", "Listed 24"]);
    const page2 = await list({ q: "Listed", page: "2" });
    expect(page2.rows.map((r) => r.name)).toEqual(["Listed 21", "Listed 22", "Listed 23", "Listed 24", "Listed 25"]);
    const junk = await list({ q: "Listed", sort: "password", dir: "sideways", page: "-3", type: "SPACESHIP" });
    expect(junk).toMatchObject({ page: 1, total: 25 });
    expect(junk.rows[0].name).toBe("Listed 01");
    const beyond = await list({ q: "Listed", page: "99" });
    expect(beyond.page).toBe(2);
  });
});
