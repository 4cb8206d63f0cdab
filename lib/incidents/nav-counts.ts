import type { Access } from "@/lib/auth/access";
import { withTenantSql } from "@/lib/db/sql-scope";
import { countBreaching } from "./inbox";
import { unreadNotificationCount } from "./notifications";

export type StewardNavCounts = { breaching: number; unread: number };

/** The steward navigation's badges: incidents breached or breaching within the hour, and unread notifications. */
export function loadStewardNavCounts(access: Access): Promise<StewardNavCounts> {
  return withTenantSql({ tenantId: access.tenant.id }, async (db) => ({
    breaching: await countBreaching(db, access.tenant.id),
    unread: await unreadNotificationCount(db, access.tenant.id, access.membership.id),
  }));
}
