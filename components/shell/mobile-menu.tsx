"use client";

import { useEffect, useId, useState } from "react";
import { usePathname } from "next/navigation";
import { Menu, X } from "lucide-react";
import { NavLinks, type NavItem } from "./nav-links";

/**
 * The navigation on a phone: a "Menu" button that opens the section list under the header, and
 * closes it again once a section is chosen (a new path), so the page itself keeps the screen.
 */
export function MobileMenu({ area, items, home }: { area: string; items: NavItem[]; home: string }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  const alerts = items.reduce((sum, item) => sum + (item.badge ?? 0), 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path (a section was chosen) is what closes the menu
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
        Menu
        {alerts > 0 && !open && (
          <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
            {alerts}
            <span className="sr-only"> alerts</span>
          </span>
        )}
      </button>
      <nav
        id={panelId}
        aria-label={`${area} (menu)`}
        hidden={!open}
        className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-brand-900 px-2 py-2 shadow-lg"
      >
        <NavLinks items={items} exact={home} />
      </nav>
    </div>
  );
}
