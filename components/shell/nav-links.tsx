"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export type NavItem = { href: string; label: string; badge?: number };

/** Sidebar links; the current section is marked for sighted and screen-reader users alike. */
export function NavLinks({ items, exact }: { items: NavItem[]; exact: string }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const active = item.href === exact ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center justify-between rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-600 text-white" : "text-slate-200 hover:bg-white/10",
              )}
            >
              {item.label}
              {item.badge ? (
                <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">{item.badge}</span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
