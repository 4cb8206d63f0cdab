import type { Access } from "@/lib/auth/access";
import { isPartnerRole } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/incidents/events";

/** The timeline actor for a signed-in user in a tenant. */
export function actorFor(access: Access): Actor {
  const partner = isPartnerRole(access.membership.role);
  return {
    userId: access.user.id,
    label: partner && access.partner ? `${access.user.name} (${access.partner.name})` : access.user.name,
    kind: partner ? "partner" : "steward",
    membershipId: access.membership.id,
  };
}
