import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createPartner, createTenantWithOwner, createTouchpoint, createUser } from "@/lib/seed/factories";
import { journeyMap } from "@/lib/touchpoints/touchpoints";
import type { SessionUser } from "@/lib/auth/session";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const actions = await import("@/app/t/[tenant]/touchpoints/actions");

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
let steward: SessionUser;
let analyst: SessionUser;
let partners: { id: string; name: string }[] = [];
let offboardedId = "";
let foreignPartnerId = "";
let foreignTouchpointId = "";

const session = (u: { id: string; email: string; name: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  sessionId: "test",
});

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
    partners = [
      await createPartner(db, tenantId, { name: "Swift" }),
      await createPartner(db, tenantId, { name: "Fixit" }),
    ];
    offboardedId = (await createPartner(db, tenantId, { name: "Gone", status: "OFFBOARDED" })).id;
  });
  await withTenant({ tenantId: otherTenantId }, async (db) => {
    foreignPartnerId = (await createPartner(db, otherTenantId, { name: "Foreign" })).id;
    foreignTouchpointId = (await createTouchpoint(db, otherTenantId, { name: "Foreign TP" })).id;
  });
  steward = session(s.user);
  analyst = session(a.user);
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = steward;
});

const map = () => withTenant({ tenantId }, (db) => journeyMap(db, tenantId));
const stage = async (name: string) => (await map()).find((c) => c.stage === name)?.touchpoints.map((t) => t.name) ?? [];

describe("touchpoints on the journey map", () => {
  const ids: Record<string, string> = {};
  const tp = (
    name: string,
    stage: string,
    extra: Partial<{ isMomentOfTruth: boolean; weight: number; channel: "ONLINE" | "FIELD" }> = {},
  ) => ({
    tenantSlug: "acme",
    name,
    stage,
    channel: extra.channel ?? ("FIELD" as const),
    isMomentOfTruth: extra.isMomentOfTruth ?? false,
    weight: extra.weight ?? 1,
  });

  it("creates touchpoints in stage columns, default stages first, own stages after", async () => {
    for (const [name, st] of [
      ["Doorstep delivery", "convert"],
      ["Installation", "convert"],
      ["Unboxing call", "convert"],
      ["Store visit", "Engage"],
      ["Loyalty club", "retain"],
    ] as const) {
      const r = await actions.createTouchpointAction(tp(name, st, { isMomentOfTruth: name === "Doorstep delivery" }));
      expect(r.serverError).toBeUndefined();
      ids[name] = r.data!.id;
    }
    const columns = await map();
    expect(columns.map((c) => c.stage)).toEqual(["attract", "connect", "engage", "convert", "retain"]);
    expect(await stage("convert")).toEqual(["Doorstep delivery", "Installation", "Unboxing call"]);
    expect(columns.find((c) => c.stage === "convert")!.touchpoints[0].isMomentOfTruth).toBe(true);
  });

  it("rejects bad input and duplicates, changing nothing", async () => {
    const bad = await actions.createTouchpointAction({ ...tp("X", " "), weight: 0 });
    expect(bad.validationErrors?.fieldErrors).toMatchObject({
      name: ["Enter the touchpoint's name (at least 2 characters)"],
      stage: ["Enter the journey stage (e.g. attract, connect, engage, convert)"],
      weight: ["The weight must be greater than 0"],
    });
    const dup = await actions.createTouchpointAction(tp("installation", "engage"));
    expect(dup.serverError).toBe('A touchpoint named "installation" already exists.');
    signedIn = analyst;
    expect((await actions.createTouchpointAction(tp("Analyst TP", "engage"))).serverError).toBe(
      "Your role does not allow this.",
    );
    expect((await map()).flatMap((c) => c.touchpoints)).toHaveLength(5);
  });

  it("reorders within a stage and refuses moving past the ends", async () => {
    expect(
      (await actions.moveTouchpointAction({ tenantSlug: "acme", touchpointId: ids["Unboxing call"], direction: "up" }))
        .serverError,
    ).toBeUndefined();
    expect(await stage("convert")).toEqual(["Doorstep delivery", "Unboxing call", "Installation"]);
    await actions.moveTouchpointAction({ tenantSlug: "acme", touchpointId: ids["Unboxing call"], direction: "up" });
    expect(await stage("convert")).toEqual(["Unboxing call", "Doorstep delivery", "Installation"]);
    const top = await actions.moveTouchpointAction({
      tenantSlug: "acme",
      touchpointId: ids["Unboxing call"],
      direction: "up",
    });
    expect(top.serverError).toBe("This touchpoint is already first in its stage.");
    const foreign = await actions.moveTouchpointAction({
      tenantSlug: "acme",
      touchpointId: foreignTouchpointId,
      direction: "down",
    });
    expect(foreign.serverError).toBe("That touchpoint was not found.");
  });

  it("edits a touchpoint; moving it to another stage puts it last there", async () => {
    const r = await actions.updateTouchpointAction({
      ...tp("Installation at home", "engage", { weight: 2 }),
      touchpointId: ids.Installation,
    });
    expect(r.serverError).toBeUndefined();
    expect(await stage("engage")).toEqual(["Store visit", "Installation at home"]);
    expect(await stage("convert")).toEqual(["Unboxing call", "Doorstep delivery"]);
  });

  it("assigns and unassigns partners, refusing duplicates, offboarded and foreign ids", async () => {
    const touchpointId = ids["Doorstep delivery"];
    expect(
      (await actions.assignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: partners[0].id })).data,
    ).toEqual({ partner: "Swift" });
    await actions.assignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: partners[1].id });
    expect(
      (await actions.assignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: partners[0].id })).serverError,
    ).toBe("Swift already handles Doorstep delivery.");
    expect(
      (await actions.assignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: offboardedId })).serverError,
    ).toBe("Gone is offboarded and cannot handle touchpoints.");
    expect(
      (await actions.assignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: foreignPartnerId }))
        .serverError,
    ).toBe("That partner was not found.");
    expect(
      (
        await actions.assignPartnerAction({
          tenantSlug: "acme",
          touchpointId: foreignTouchpointId,
          partnerId: partners[0].id,
        })
      ).serverError,
    ).toBe("That touchpoint was not found.");
    const card = async () => (await map()).flatMap((c) => c.touchpoints).find((t) => t.id === touchpointId)!;
    expect((await card()).partners.map((p) => p.name)).toEqual(["Swift", "Fixit"]);

    expect(
      (await actions.unassignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: partners[0].id }))
        .serverError,
    ).toBeUndefined();
    expect((await card()).partners.map((p) => p.name)).toEqual(["Fixit"]);
    expect(
      (await actions.unassignPartnerAction({ tenantSlug: "acme", touchpointId, partnerId: partners[0].id }))
        .serverError,
    ).toBe("That partner does not handle this touchpoint.");
    const log = await withTenant({ tenantId }, (db) =>
      db.auditLog.findMany({ where: { tenantId, entityId: touchpointId }, orderBy: { createdAt: "asc" } }),
    );
    expect(log.map((l) => l.action)).toEqual([
      "touchpoint.created",
      "touchpoint.partner_assigned",
      "touchpoint.partner_assigned",
      "touchpoint.partner_unassigned",
    ]);
  });
});
