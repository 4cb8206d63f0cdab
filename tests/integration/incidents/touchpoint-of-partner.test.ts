/**
 * Issue 17 (leftover): an incident names a touchpoint its partner handles. The form offers only those, and the
 * server refuses any other with a field error on the touchpoint (steward and partner actions; the API's 422 is in
 * tests/integration/api/incidents.test.ts), writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  assignPartner,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import type { SessionUser } from "@/lib/auth/session";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const steward = await import("@/app/t/[tenant]/incidents/actions");
const portal = await import("@/app/portal/[tenant]/incidents/actions");

let database: TestDatabase;
let tenantId = "";
const ids: Record<string, string> = {};
const people: Record<string, SessionUser> = {};

const incident = {
  tenantSlug: "acme",
  severity: "HIGH" as const,
  category: "Late delivery",
  title: "Parcel late",
  description: "The parcel arrived two days late.",
};
const count = () => withTenant({ tenantId }, (db) => db.incident.count());

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "acme" });
  tenantId = tenant.id;
  const s = await createUser({ email: "steward@acme.test", name: "Sam Steward" });
  const a = await createUser({ email: "agent@swift.test", name: "Ada Agent" });
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const swift = await createPartner(db, tenantId, { name: "Swift" });
    const delivery = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const install = await createTouchpoint(db, tenantId, { name: "Install" });
    await assignPartner(db, tenantId, delivery.id, swift.id);
    Object.assign(ids, { swift: swift.id, delivery: delivery.id, install: install.id });
    await addMember(db, { tenantId, userId: s.user.id, role: "STEWARD" });
    await addMember(db, { tenantId, userId: a.user.id, role: "PARTNER_AGENT", partnerId: swift.id });
  });
  const session = (u: { id: string; email: string }, name: string) => ({ ...u, name, sessionId: "test" });
  people.steward = session(s.user, "Sam Steward");
  people.agent = session(a.user, "Ada Agent");
});
afterAll(() => database.close());

describe("an incident's touchpoint must be one its partner handles", () => {
  it("the steward's create action answers a field error on the touchpoint and writes nothing", async () => {
    signedIn = people.steward;
    const before = await count();
    const wrong = await steward.createIncidentAction({ ...incident, partnerId: ids.swift, touchpointId: ids.install });
    expect(wrong.serverError).toBeUndefined();
    expect(wrong.validationErrors?.fieldErrors).toEqual({
      touchpointId: ["Swift does not handle Install: choose one of its touchpoints."],
    });
    expect(await count()).toBe(before);
    const right = await steward.createIncidentAction({ ...incident, partnerId: ids.swift, touchpointId: ids.delivery });
    expect(right.data?.number).toBe(before + 1);
  });

  it("the partner's report action refuses another touchpoint the same way", async () => {
    signedIn = people.agent;
    const before = await count();
    const wrong = await portal.reportIncidentAction({ ...incident, touchpointId: ids.install });
    expect(wrong.validationErrors?.fieldErrors).toEqual({
      touchpointId: ["Swift does not handle Install: choose one of its touchpoints."],
    });
    expect(await count()).toBe(before);
    const right = await portal.reportIncidentAction({ ...incident, touchpointId: ids.delivery });
    expect(right.data?.number).toBe(before + 1);
  });
});
