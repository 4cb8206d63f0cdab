import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { loadNotificationsPage } from "@/lib/incidents/pages";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { MarkReadButton } from "./mark-read";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ params }: PageProps<"/t/[tenant]/notifications">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const items = await loadNotificationsPage(access.tenant.id, access.membership.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description="Escalations that reached you."
        actions={items.some((n) => !n.readAt) ? <MarkReadButton tenantSlug={tenant} /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState title="No notifications">You are told here when an incident escalates to you.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {items.map((n) => (
              <li key={n.id} className={`px-4 py-3 text-sm ${n.readAt ? "" : "bg-brand-50/40"}`}>
                {n.link ? (
                  <Link href={n.link} className="font-medium text-brand-700 hover:underline">
                    {n.title}
                  </Link>
                ) : (
                  <span className="font-medium">{n.title}</span>
                )}
                {n.body && <span className="block text-slate-600">{n.body}</span>}
                <span className="text-xs text-slate-500">
                  {n.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC{n.readAt ? "" : " · unread"}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
