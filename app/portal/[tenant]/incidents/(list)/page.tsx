import type { Metadata } from "next";
import Link from "next/link";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { inboxFiltersSchema, toInboxItem } from "@/lib/incidents/inbox";
import { loadPartnerInboxPage } from "@/lib/incidents/inbox-page";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { InboxTable } from "@/components/incidents/inbox-table";
import { Pagination } from "@/components/incidents/pagination";

export const metadata: Metadata = { title: "Your incidents" };

export default async function PortalIncidentsPage({ params, searchParams }: PageProps<"/portal/[tenant]/incidents">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = inboxFiltersSchema.parse(raw);
  const inbox = await loadPartnerInboxPage(partnerScope(access), filters);
  const base = `/portal/${tenant}/incidents`;
  const closed = filters.view === "closed";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Your incidents"
        description="Incidents routed to you, most urgent first, with the same SLA clock the brand sees. Acknowledge, respond, ask for more time, resolve."
        actions={
          <Link href={`${base}/new`} className={buttonClass()}>
            Report incident
          </Link>
        }
      />
      <nav className="flex gap-2 text-sm" aria-label="Views">
        <Link
          href={base}
          aria-current={!closed ? "page" : undefined}
          className={buttonClass(closed ? "ghost" : "secondary")}
        >
          Needs work
        </Link>
        <Link
          href={`${base}?view=closed`}
          aria-current={closed ? "page" : undefined}
          className={buttonClass(closed ? "secondary" : "ghost")}
        >
          Resolved and closed
        </Link>
      </nav>
      {inbox.rows.length === 0 ? (
        <EmptyState title={closed ? "No resolved incidents yet" : "Nothing needs your attention"}>
          Incidents the brand routes to you appear here.
        </EmptyState>
      ) : (
        <InboxTable
          tenantSlug={tenant}
          base={base}
          stewards={[]}
          items={inbox.rows.map((row) => toInboxItem(row, { showAssignee: false }))}
        />
      )}
      <Pagination
        base={base}
        params={{ ...raw, page: undefined } as Record<string, string | undefined>}
        page={inbox.page}
        pageSize={inbox.pageSize}
        total={inbox.total}
        capped={inbox.totalCapped}
      />
    </div>
  );
}
