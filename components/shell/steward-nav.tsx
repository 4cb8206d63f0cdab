import type { StewardNavCounts } from "@/lib/incidents/nav-counts";
import type { NavItem } from "./nav-links";

/** The steward workspace's navigation, with the counts (lib/incidents/nav-counts.ts) as badges. */
export function stewardNav(tenantSlug: string, { breaching, unread }: StewardNavCounts): NavItem[] {
  const base = `/t/${tenantSlug}`;
  return [
    { href: base, label: "Dashboard" },
    { href: `${base}/partners`, label: "Partners" },
    { href: `${base}/touchpoints`, label: "Touchpoints" },
    { href: `${base}/funnel`, label: "Funnel" },
    { href: `${base}/standards`, label: "Standards" },
    { href: `${base}/incidents`, label: "Incidents & escalations", badge: breaching },
    { href: `${base}/value`, label: "Customers & value" },
    { href: `${base}/feedback`, label: "Customer feedback" },
    { href: `${base}/scorecards`, label: "Scorecards" },
    { href: `${base}/plans`, label: "Corrective plans" },
    { href: `${base}/incentives`, label: "Incentives" },
    { href: `${base}/notifications`, label: "Notifications", badge: unread },
    { href: `${base}/settings`, label: "Settings" },
  ];
}
