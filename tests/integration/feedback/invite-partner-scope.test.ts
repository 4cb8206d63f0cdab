import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  createCustomer,
  createInteraction,
  createPartner,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { inviteAfterInteractions } from "@/lib/feedback/invite";

// A customer is asked about a touchpoint at most once within the setting's days, whichever partner served them:
// an interaction recorded under one partner's scope must see the survey another partner's interaction made.

let database: TestDatabase;
let tenantId = "";
let alpha = "";
let beta = "";
let touchpointId = "";
let customerId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "invite-scope" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    alpha = (await createPartner(db, tenantId, { name: "Alpha", status: "ACTIVE" })).id;
    beta = (await createPartner(db, tenantId, { name: "Beta", status: "ACTIVE" })).id;
    touchpointId = (await createTouchpoint(db, tenantId, { name: "Delivery", isMomentOfTruth: true })).id;
    customerId = (await createCustomer(db, tenantId, { email: "cleo@example.com" })).id;
  });
});
afterAll(() => database.close());

const surveys = () =>
  withTenant({ tenantId }, (db) => db.customerFeedback.findMany({ where: { customerId, touchpointId } }));

describe("survey invitations under a partner's scope", () => {
  it("do not ask again a customer another partner's survey asked within the setting's days", async () => {
    const first = await withTenant({ tenantId }, async (db) => {
      const i = await createInteraction(db, tenantId, { partnerId: beta, touchpointId, customerId });
      return inviteAfterInteractions(db, tenantId, [i.id]);
    });
    expect(first).toBe(1);
    const second = await withTenant({ tenantId, partnerId: alpha }, async (db) => {
      const i = await createInteraction(db, tenantId, { partnerId: alpha, touchpointId, customerId });
      return inviteAfterInteractions(db, tenantId, [i.id]);
    });
    expect(second).toBe(0);
    const rows = await surveys();
    expect(rows.map((r) => r.partnerId)).toEqual([beta]);
    // The partner scope is back after the read: Alpha still sees none of Beta's surveys.
    const seenByAlpha = await withTenant({ tenantId, partnerId: alpha }, async (db) => {
      const i = await createInteraction(db, tenantId, { partnerId: alpha, touchpointId, customerId });
      await inviteAfterInteractions(db, tenantId, [i.id]);
      return db.customerFeedback.count({ where: { customerId } });
    });
    expect(seenByAlpha).toBe(0);
  });
});
