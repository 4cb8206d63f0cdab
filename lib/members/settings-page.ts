import { withTenant } from "@/lib/db/scope";
import { activePartnerOptions } from "@/lib/partners/options";
import { listMembers, listOpenInvitations } from "./members";

/** The settings home: the members, and for a user who manages them the open invitations and the partners to invite to. */
export function loadSettingsPage(tenantId: string, query: { manage: boolean }) {
  return withTenant({ tenantId }, async (db) => ({
    members: await listMembers(db, tenantId),
    invitations: query.manage ? await listOpenInvitations(db, tenantId) : [],
    partners: query.manage ? await activePartnerOptions(db, tenantId) : [],
  }));
}
