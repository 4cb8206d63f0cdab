import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { inboxFiltersSchema, toInboxItem } from "@/lib/incidents/inbox";
import { loadStewardInboxPage } from "@/lib/incidents/inbox-page";
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/incidents/labels";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputBase } from "@/components/ui/field";
import { InboxTable } from "@/components/incidents/inbox-table";
import { Pagination } from "@/components/incidents/pagination";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { SavedViews } from "@/components/incidents/saved-views";
import { canonicalInboxQuery } from "@/lib/incidents/inbox-views";
import {
  acknowledgeIncidentsAction,
  assignIncidentsAction,
  createInboxViewAction,
  deleteInboxViewAction,
  renameInboxViewAction,
} from "../actions";

export const metadata: Metadata = { title: "Incidents & escalations" };

export default async function IncidentsPage({ params, searchParams }: PageProps<"/t/[tenant]/incidents">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = inboxFiltersSchema.parse(raw);
  const tenantId = access.tenant.id;
  const { inbox, partners, touchpoints, stewards, views } = await loadStewardInboxPage(
    { tenantId },
    filters,
    access.membership.id,
  );
  const write = can(access.membership.role, "incidents:write");
  const base = `/t/${tenant}/incidents`;
  const select = (name: string, label: string, options: [string, string][], value?: string | number) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={`f-${name}`}
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        className={`${inputBase} block w-44`}
      >
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Incidents & escalations"
        description="The escalation inbox: incidents that breached their SLA or will breach soonest come first. Clocks pause while an incident waits on the customer."
        actions={
          <div className="flex gap-2">
            <Link href={`/t/${tenant}/settings/sla`} className={buttonClass("secondary")}>
              SLA policies
            </Link>
            {write && (
              <Link href={`${base}/new`} className={buttonClass()}>
                Open incident
              </Link>
            )}
          </div>
        }
      />
      <form className="flex flex-wrap items-end gap-3" method="get" aria-label="Filters">
        {select(
          "view",
          "Show",
          [
            ["active", "Needs work"],
            ["closed", "Resolved and closed"],
          ],
          filters.view,
        )}
        <div>
          <label htmlFor="f-sort" className="flex items-center gap-1 text-xs font-medium text-slate-600">
            Order <HelpDisclosure topic="inboxRisk" base={`/t/${tenant}`} />
          </label>
          <select id="f-sort" name="sort" defaultValue={filters.sort ?? "due"} className={`${inputBase} block w-56`}>
            <option value="due">Deadline first</option>
            <option value="risk">Severity × equity at risk</option>
          </select>
        </div>
        {select(
          "severity",
          "Severity",
          SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]]),
          filters.severity,
        )}
        {select(
          "partner",
          "Partner",
          partners.map((p) => [p.id, p.name]),
          filters.partner,
        )}
        {select(
          "touchpoint",
          "Touchpoint",
          touchpoints.map((t) => [t.id, t.name]),
          filters.touchpoint,
        )}
        {select(
          "level",
          "Escalation level",
          [
            ["1", "1 · Partner"],
            ["2", "2 · Channel manager"],
            ["3", "3 · Executive"],
          ],
          filters.level,
        )}
        {select(
          "assignee",
          "Assignee",
          [["none", "Unassigned"], ...stewards.map((s) => [s.id, s.name] as [string, string])],
          filters.assignee,
        )}
        <button type="submit" className={buttonClass("secondary")}>
          Apply filters
        </button>
        <Link href={base} className={buttonClass("ghost")}>
          Clear
        </Link>
      </form>
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <SavedViews
          tenantSlug={tenant}
          base={base}
          views={views}
          currentQuery={canonicalInboxQuery(new URLSearchParams(raw as Record<string, string>).toString())}
          actions={
            write
              ? { create: createInboxViewAction, rename: renameInboxViewAction, remove: deleteInboxViewAction }
              : undefined
          }
        />
        <div className="space-y-6">
          {inbox.rows.length === 0 ? (
            <EmptyState title="No incidents match">Nothing needs attention with these filters.</EmptyState>
          ) : (
            <InboxTable
              tenantSlug={tenant}
              base={base}
              bulk={write ? { acknowledge: acknowledgeIncidentsAction, assign: assignIncidentsAction } : undefined}
              stewards={stewards}
              items={inbox.rows.map((row) => toInboxItem(row, { showAssignee: true }))}
              riskCurrency={filters.sort === "risk" && filters.view !== "closed" ? access.tenant.currency : undefined}
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
      </div>
    </div>
  );
}
