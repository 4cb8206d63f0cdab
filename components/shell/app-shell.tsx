import Link from "next/link";
import type { MembershipSummary } from "@/lib/auth/access";
import { NavLinks, type NavItem } from "./nav-links";
import { MobileMenu } from "./mobile-menu";
import { TenantSwitcher } from "./tenant-switcher";

type Props = {
  area: string;
  home: string;
  items: NavItem[];
  tenantSlug: string;
  memberships: MembershipSummary[];
  user: { name: string; email: string };
  roleLabel: string;
  /** Signs out (app/(auth)/actions.ts); a prop because components never import app/. */
  logout: () => Promise<void>;
  children: React.ReactNode;
};

export function AppShell({ area, home, items, tenantSlug, memberships, user, roleLabel, logout, children }: Props) {
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <nav aria-label={area} className="hidden w-60 shrink-0 flex-col bg-brand-900 px-3 py-4 md:flex">
        <Link href={home} className="mb-6 px-3 text-lg font-semibold tracking-tight text-white">
          Steward <span className="block text-xs font-normal text-brand-100">{area}</span>
        </Link>
        <NavLinks items={items} exact={home} />
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <MobileMenu area={area} items={items} home={home} />
            <TenantSwitcher current={tenantSlug} memberships={memberships} />
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-right sm:block">
              <span className="block font-medium text-slate-800" data-testid="user-name">
                {user.name}
              </span>
              <span className="block text-xs text-slate-500">{roleLabel}</span>
            </span>
            <form action={logout}>
              <button
                type="submit"
                className="whitespace-nowrap rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
              >
                Sign out
              </button>
            </form>
          </div>
        </header>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
