// Issue 19, part 2: a touchpoint's value proposition and RACI through the server action (exactly one
// accountable party, a foreign partner answers "not found"), the gaps the journey map shows, the channel
// design setting, and row-level security on TouchpointRole.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  createPartner,
  createStandard,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import { loadTouchpointsPage } from "@/lib/touchpoints/pages";
import type { SessionUser } from "@/lib/auth/session";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const actions = await import("@/app/t/[tenant]/touchpoints/actions");
const channelActions = await import("@/app/t/[tenant]/settings/channel/actions");

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
let steward: SessionUser;
let analyst: SessionUser;
let swift = "";
let fixit = "";
let partnerOfSwift = "";
let foreignPartnerId = "";
let delivery = "";
let install = "";

const session = (u: { id: string; email: string; name: string }) => ({ ...u, sessionId: "test" });

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  otherTenantId = other.tenant.id;
  const s = await createUser({ email: "steward@acme.test" });
  const a = await createUser({ email: "analyst@acme.test" });
  await withTenant({ tenantId }, async (db) => {
    await addMember(db, { tenantId, userId: s.user.id, role: "STEWARD" });
    await addMember(db, { tenantId, userId: a.user.id, role: "ANALYST" });
    swift = (await createPartner(db, tenantId, { name: "Swift" })).id;
    fixit = (await createPartner(db, tenantId, { name: "Fixit" })).id;
    delivery = (await createTouchpoint(db, tenantId, { name: "Delivery", stage: "convert", isMomentOfTruth: true })).id;
    install = (await createTouchpoint(db, tenantId, { name: "Installation", stage: "engage" })).id;
    await createStandard(db, tenantId, install);
  });
  partnerOfSwift = swift;
  await withTenant({ tenantId: otherTenantId }, async (db) => {
    foreignPartnerId = (await createPartner(db, otherTenantId, { name: "Foreign" })).id;
  });
  steward = session(s.user);
  analyst = session(a.user);
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = steward;
});

const page = () => loadTouchpointsPage(tenantId, { withPartnerOptions: true });
const set = (
  touchpointId: string,
  roles: { role: string; party: string }[],
  valueProposition = "WORLD_CLASS_SERVICE",
) => actions.setTouchpointRolesAction({ tenantSlug: "acme", touchpointId, valueProposition, roles } as never);

describe("channel design: value proposition and RACI", () => {
  it("starts with every gap: no accountable party, four unserved propositions, a moment of truth without a standard", async () => {
    const { gaps } = await page();
    expect(gaps.noAccountable.map((t) => t.name).sort()).toEqual(["Delivery", "Installation"]);
    expect(gaps.unservedPropositions).toHaveLength(4);
    expect(gaps.momentsWithoutStandard.map((t) => t.name)).toEqual(["Delivery"]);
    expect(gaps.total).toBe(7);
  });

  it("refuses zero or two accountable parties, duplicates, and an unknown proposition, writing nothing", async () => {
    const none = await set(delivery, [{ role: "RESPONSIBLE", party: swift }]);
    expect(none.validationErrors?.fieldErrors?.roles).toEqual([
      "Choose exactly one accountable party (the brand or a partner)",
    ]);
    const two = await set(delivery, [
      { role: "ACCOUNTABLE", party: swift },
      { role: "ACCOUNTABLE", party: "brand" },
    ]);
    expect(two.validationErrors?.fieldErrors?.roles).toEqual(["Exactly one party can be accountable (2 were chosen)"]);
    const dup = await set(delivery, [
      { role: "ACCOUNTABLE", party: swift },
      { role: "INFORMED", party: fixit },
      { role: "INFORMED", party: fixit },
    ]);
    expect(dup.validationErrors?.fieldErrors?.roles).toEqual(["The same party is listed twice in one role"]);
    const vp = await set(delivery, [{ role: "ACCOUNTABLE", party: swift }], "CHEAPEST");
    expect(vp.validationErrors?.fieldErrors?.valueProposition).toEqual([
      "Choose the value proposition this touchpoint serves",
    ]);
    expect((await page()).gaps.total).toBe(7);
  });

  it("answers not found for another workspace's partner or touchpoint, and refuses an analyst", async () => {
    const foreign = await set(delivery, [{ role: "ACCOUNTABLE", party: foreignPartnerId }]);
    expect(foreign.serverError).toBe("That partner was not found.");
    const foreignTp = await withTenant({ tenantId: otherTenantId }, (db) =>
      createTouchpoint(db, otherTenantId, { name: "Foreign TP" }),
    );
    expect((await set(foreignTp.id, [{ role: "ACCOUNTABLE", party: "brand" }])).serverError).toBe(
      "That touchpoint was not found.",
    );
    signedIn = analyst;
    expect((await set(delivery, [{ role: "ACCOUNTABLE", party: "brand" }])).serverError).toBe(
      "Your role does not allow this.",
    );
    expect((await page()).gaps.total).toBe(7);
  });

  it("stores the RACI and the proposition; the gaps they close disappear", async () => {
    const r = await set(delivery, [
      { role: "ACCOUNTABLE", party: swift },
      { role: "RESPONSIBLE", party: swift },
      { role: "CONSULTED", party: "brand" },
      { role: "INFORMED", party: fixit },
    ]);
    expect(r.serverError).toBeUndefined();
    expect(r.validationErrors).toBeUndefined();
    const { columns, gaps } = await page();
    const card = columns.flatMap((c) => c.touchpoints).find((t) => t.id === delivery)!;
    expect(card.valueProposition).toBe("WORLD_CLASS_SERVICE");
    expect(card.roles.map((x) => `${x.role}:${x.partner?.name ?? "brand"}`).sort()).toEqual([
      "ACCOUNTABLE:Swift",
      "CONSULTED:brand",
      "INFORMED:Fixit",
      "RESPONSIBLE:Swift",
    ]);
    expect(gaps.noAccountable.map((t) => t.name)).toEqual(["Installation"]);
    expect(gaps.unservedPropositions).toEqual(["INTENSITY_OF_EXPERIENCE", "CONVENIENT_SOLUTIONS", "CUSTOMIZATION"]);
    // replacing the set: the brand is now accountable, the old roles are gone
    await set(delivery, [{ role: "ACCOUNTABLE", party: "brand" }], "CUSTOMIZATION");
    const after = (await page()).columns.flatMap((c) => c.touchpoints).find((t) => t.id === delivery)!;
    expect(after.roles).toEqual([{ role: "ACCOUNTABLE", partner: null }]);
  });

  it("records the channel design (steward yes, analyst no, bad values refused)", async () => {
    const bad = await channelActions.updateChannelDesignAction({
      tenantSlug: "acme",
      design: "PYRAMID",
      scope: "COMPOSITE",
    } as never);
    expect(bad.validationErrors?.fieldErrors?.design).toEqual(["Choose transactional, limited or federated network"]);
    signedIn = analyst;
    expect(
      (await channelActions.updateChannelDesignAction({ tenantSlug: "acme", design: "LIMITED", scope: "COMPOSITE" }))
        .serverError,
    ).toBe("Your role does not allow this.");
    signedIn = steward;
    const ok = await channelActions.updateChannelDesignAction({
      tenantSlug: "acme",
      design: "LIMITED",
      scope: "COMPOSITE",
    });
    expect(ok.data).toEqual({ design: "LIMITED", scope: "COMPOSITE" });
    expect((await page()).channel).toEqual({ design: "LIMITED", scope: "COMPOSITE" });
  });

  it("row-level security: another tenant sees no roles; a partner user sees only its own partner's", async () => {
    await set(install, [
      { role: "ACCOUNTABLE", party: "brand" },
      { role: "RESPONSIBLE", party: fixit },
      { role: "INFORMED", party: swift },
    ]);
    const all = await withTenant({ tenantId }, (db) => db.touchpointRole.count());
    expect(all).toBe(4);
    expect(await withTenant({ tenantId: otherTenantId }, (db) => db.touchpointRole.count())).toBe(0);
    const own = await withTenant({ tenantId, partnerId: partnerOfSwift }, (db) =>
      db.touchpointRole.findMany({ select: { partnerId: true } }),
    );
    expect(own).toEqual([{ partnerId: swift }]);
  });
});
