import Link from "next/link";
import type { MembershipSummary } from "@/lib/auth/access";
import { ROLE_LABELS } from "@/lib/auth/permissions";

/** Lists the user's workspaces when there is more than one; a native <details> keeps it keyboard-usable. */
export function TenantSwitcher({ current, memberships }: { current: string; memberships: MembershipSummary[] }) {
  const here = memberships.find((m) => m.tenantSlug === current);
  if (memberships.length < 2) return <span className="text-sm font-semibold text-slate-900">{here?.tenantName}</span>;
  return (
    <details className="relative" data-testid="tenant-switcher">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100">
        {here?.tenantName} <span aria-hidden>▾</span>
        <span className="sr-only">Switch workspace</span>
      </summary>
      <ul className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        {memberships.map((m) => (
          <li key={m.href}>
            <Link href={m.href} className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
              <span className="font-medium">{m.tenantName}</span>
              <span className="block text-xs text-slate-500">
                {ROLE_LABELS[m.role]}
                {m.partnerName ? ` · ${m.partnerName}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
