import type { Access } from "@/lib/auth/access";
import type { NavItem } from "./nav-links";

export async function stewardNav(access: Access): Promise<NavItem[]> {
  const base = `/t/${access.tenant.slug}`;
  return [
    { href: base, label: "Dashboard" },
    { href: `${base}/partners`, label: "Partners" },
    { href: `${base}/touchpoints`, label: "Touchpoints" },
    { href: `${base}/standards`, label: "Standards" },
    { href: `${base}/incidents`, label: "Incidents & escalations" },
    { href: `${base}/value`, label: "Customers & value" },
    { href: `${base}/scorecards`, label: "Scorecards" },
    { href: `${base}/settings`, label: "Settings" },
  ];
}
