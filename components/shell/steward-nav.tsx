import type { Access } from "@/lib/auth/access";
import { withTenantSql } from "@/lib/db/sql-scope";
import { countBreaching } from "@/lib/incidents/inbox";
import { unreadNotificationCount } from "@/lib/incidents/notifications";
import type { NavItem } from "./nav-links";

export async function stewardNav(access: Access): Promise<NavItem[]> {
  const base = `/t/${access.tenant.slug}`;
  // Breached or breaching within the hour (index-backed count), and unread notifications.
  const { breaching, unread } = await withTenantSql({ tenantId: access.tenant.id }, async (db) => ({
    breaching: await countBreaching(db, access.tenant.id),
    unread: await unreadNotificationCount(db, access.tenant.id, access.membership.id),
  }));
  return [
    { href: base, label: "Dashboard" },
    { href: `${base}/partners`, label: "Partners" },
    { href: `${base}/touchpoints`, label: "Touchpoints" },
    { href: `${base}/standards`, label: "Standards" },
    { href: `${base}/incidents`, label: "Incidents & escalations", badge: breaching },
    { href: `${base}/value`, label: "Customers & value" },
    { href: `${base}/scorecards`, label: "Scorecards" },
    { href: `${base}/notifications`, label: "Notifications", badge: unread },
    { href: `${base}/settings`, label: "Settings" },
  ];
}
