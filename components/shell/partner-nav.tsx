import type { NavItem } from "./nav-links";

export function partnerNav(tenantSlug: string): NavItem[] {
  const base = `/portal/${tenantSlug}`;
  return [
    { href: base, label: "Overview" },
    { href: `${base}/scorecard`, label: "Scorecard" },
    { href: `${base}/plans`, label: "Corrective plans" },
    { href: `${base}/incentives`, label: "Incentives" },
    { href: `${base}/incidents`, label: "Incidents" },
    { href: `${base}/standards`, label: "Standards" },
    { href: `${base}/feedback`, label: "Customer feedback" },
    { href: `${base}/survey`, label: "Partner survey" },
    { href: `${base}/preferences`, label: "E-mail preferences" },
  ];
}
