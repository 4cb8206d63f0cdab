import "server-only";
import { cache } from "react";
import { parseTenantSettings } from "@/lib/tenants/settings";
import { withTenant, withUser } from "@/lib/db/scope";
import type { Role } from "@/generated/prisma/enums";
import { currentUser, type SessionUser } from "./session";
import { can, isPartnerRole, type Permission } from "./permissions";

// Resolves, per request, which tenant a user is in and with which role. Pages and actions call
// these themselves (never trusting a layout to have checked), and a foreign tenant answers 404.

export type Access = {
  user: SessionUser;
  /** currency: the workspace's money format (settings.workspace.currency), read here once per request. */
  tenant: { id: string; slug: string; name: string; timezone: string; currency: string };
  membership: { id: string; role: Role; partnerId: string | null };
  partner: { id: string; name: string } | null;
};

export type MembershipSummary = {
  tenantSlug: string;
  tenantName: string;
  role: Role;
  partnerName: string | null;
  href: string;
};

/** Every tenant the user belongs to (for the tenant switcher). */
export const membershipsOf = cache(async (userId: string): Promise<MembershipSummary[]> => {
  const rows = await withUser(userId, (db) =>
    db.membership.findMany({
      where: { userId },
      select: { role: true, tenant: { select: { slug: true, name: true } }, partner: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  );
  return rows.map((m) => ({
    tenantSlug: m.tenant.slug,
    tenantName: m.tenant.name,
    role: m.role,
    partnerName: m.partner?.name ?? null,
    href: isPartnerRole(m.role) ? `/portal/${m.tenant.slug}` : `/t/${m.tenant.slug}`,
  }));
});

export const accessFor = cache(async (user: SessionUser, tenantSlug: string): Promise<Access | null> => {
  const membership = await withUser(user.id, (db) =>
    db.membership.findFirst({
      where: { userId: user.id, tenant: { slug: tenantSlug } },
      select: {
        id: true,
        role: true,
        partnerId: true,
        tenant: { select: { id: true, slug: true, name: true, timezone: true, settings: true } },
      },
    }),
  );
  if (!membership) return null;
  let partner: Access["partner"] = null;
  if (membership.partnerId) {
    partner = await withTenant(
      { tenantId: membership.tenant.id, partnerId: membership.partnerId, userId: user.id },
      (db) => db.partner.findFirst({ where: { id: membership.partnerId! }, select: { id: true, name: true } }),
    );
    if (!partner) return null;
  }
  const { settings, ...tenant } = membership.tenant;
  return {
    user,
    tenant: { ...tenant, currency: parseTenantSettings(settings).workspace.currency },
    membership: { id: membership.id, role: membership.role, partnerId: membership.partnerId },
    partner,
  };
});

export type AccessDenial = "signed-out" | "not-found" | "forbidden";

/** A partner user's access: bound to its partner, whose id the membership always names. */
export type PartnerAccess = Access & {
  partner: { id: string; name: string };
  membership: Access["membership"] & { partnerId: string };
};

/** Either the access, or why there is none (the guards and route handlers turn a denial into a redirect, 404 or 403). */
export type AccessResult<A extends Access> = { ok: true; access: A } | { ok: false; denied: AccessDenial };

/** A steward-side user (owner, steward, analyst) of this tenant with the permission, or why not. */
export async function stewardAccess(
  tenantSlug: string,
  permission: Permission = "workspace:read",
): Promise<AccessResult<Access>> {
  const user = await currentUser();
  if (!user) return { ok: false, denied: "signed-out" };
  const access = await accessFor(user, tenantSlug);
  if (!access || isPartnerRole(access.membership.role)) return { ok: false, denied: "not-found" };
  if (!can(access.membership.role, permission)) return { ok: false, denied: "forbidden" };
  return { ok: true, access };
}

/** A partner user of this tenant, bound to its partner, with the permission, or why not. */
export async function partnerAccess(
  tenantSlug: string,
  permission: Permission = "portal:read",
): Promise<AccessResult<PartnerAccess>> {
  const user = await currentUser();
  if (!user) return { ok: false, denied: "signed-out" };
  const access = await accessFor(user, tenantSlug);
  const { partner } = access ?? {};
  const partnerId = access?.membership.partnerId;
  if (!access || !isPartnerRole(access.membership.role) || !partner || !partnerId)
    return { ok: false, denied: "not-found" };
  if (!can(access.membership.role, permission)) return { ok: false, denied: "forbidden" };
  return { ok: true, access: { ...access, partner, membership: { ...access.membership, partnerId } } };
}

/** The scope a partner user's reads run in: row-level security shows only the partner's own rows. */
export function partnerScope(access: PartnerAccess) {
  return { tenantId: access.tenant.id, partnerId: access.membership.partnerId, userId: access.user.id };
}
