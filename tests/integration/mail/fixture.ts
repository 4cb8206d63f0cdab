import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";

/** A workspace with an owner, a steward (channel manager), a partner with an admin user and a contact with an e-mail. */
export async function mailFixture(slug: string) {
  const { tenant, owner } = await createTenantWithOwner({
    slug,
    name: `${slug} Home`,
    ownerEmail: `owner@${slug}.test`,
  });
  const steward = await createUser({ email: `steward@${slug}.test`, name: "Sam Steward" });
  const partnerAdmin = await createUser({ email: `admin@swift-${slug}.test`, name: "Pat Partner" });
  const tenantId = tenant.id;
  return withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const partner = await createPartner(db, tenantId, { name: "Swift Couriers", status: "ACTIVE" });
    const touchpoint = await createTouchpoint(db, tenantId, { name: "Delivery" });
    await addMember(db, { tenantId, userId: steward.user.id, role: "STEWARD" });
    await addMember(db, { tenantId, userId: partnerAdmin.user.id, role: "PARTNER_ADMIN", partnerId: partner.id });
    await db.partnerContact.create({
      data: { tenantId, partnerId: partner.id, name: "Dispatch desk", email: `dispatch@swift-${slug}.test` },
    });
    return {
      tenant,
      tenantId,
      owner: owner.user,
      steward: steward.user,
      partnerAdmin: partnerAdmin.user,
      partner,
      touchpoint,
    };
  });
}

export type MailFixture = Awaited<ReturnType<typeof mailFixture>>;
