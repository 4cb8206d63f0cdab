import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { loadSaveListPage, SAVE_PAGE_SIZE } from "@/lib/value/save-page";
import { SAVE_LIST_RULES, type SaveSort } from "@/lib/value/save-list";
import { buttonClass } from "@/components/ui/button";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { formatDate, formatMoney, formatPercent } from "../format";
import { rowClass, thClass, theadClass } from "../rollup-table";

export const metadata: Metadata = { title: "Customers to save" };

const SORT_LABELS: Record<SaveSort, string> = {
  clv: "CLV",
  drop: "P(alive) drop",
  incident: "Latest incident",
};

export default async function SaveListPage({ params, searchParams }: PageProps<"/t/[tenant]/value/save">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const { currency } = access.tenant;
  const { query, asOf, previous, total, rows } = await loadSaveListPage(access.tenant.id, await searchParams);
  const base = `/t/${tenant}/value/save`;
  const href = (sort: SaveSort, page = 1) => `${base}?sort=${sort}${page > 1 ? `&page=${page}` : ""}`;
  const pageCount = Math.max(1, Math.ceil(total / SAVE_PAGE_SIZE));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Customers to save"
        description="Your most valuable customers who may be slipping away: call them, make it right, and keep their lifetime value."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/t/${tenant}/value`} className={buttonClass("secondary")}>
              Customers & value
            </Link>
            {total > 0 && (
              <a href={`${base}/export?sort=${query.sort}`} className={buttonClass("primary")} download>
                Export CSV
              </a>
            )}
          </div>
        }
      />
      <p className="max-w-3xl text-sm text-slate-600" data-testid="save-rule">
        On the list: customers in the top {Math.round((1 - SAVE_LIST_RULES.topQuantile) * 100)}% by CLV at the{" "}
        {asOf ? `${formatDate(asOf).slice(0, 7)} value snapshot` : "latest value snapshot"} whose chance of still being
        a customer (P(alive)) fell by more than {Math.round(SAVE_LIST_RULES.aliveDrop * 100)} points since the{" "}
        {previous ? `${formatDate(previous).slice(0, 7)} snapshot` : "previous snapshot"}, or who had an incident in the
        last {SAVE_LIST_RULES.incidentDays} days. <HelpDisclosure topic="pAlive" base={`/t/${tenant}`} />
      </p>
      {!asOf ? (
        <EmptyState title="No customer values yet">
          Recompute customer values on the Customers & value page; the list is built from the value snapshots.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="Nobody to save right now">
          No high-value customer lost much P(alive) or had a recent incident.
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Sort by" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600">Sort by</span>
            {(Object.keys(SORT_LABELS) as SaveSort[]).map((s) => (
              <Link
                key={s}
                href={href(s)}
                aria-current={s === query.sort ? "true" : undefined}
                className={buttonClass(s === query.sort ? "primary" : "secondary", "px-2.5 py-1 text-xs")}
              >
                {SORT_LABELS[s]}
              </Link>
            ))}
          </nav>
          <ScrollCard label="Customers to save">
            <table className="w-full text-left text-sm" data-testid="save-list">
              <thead className={theadClass}>
                <tr>
                  <th className={thClass}>Customer</th>
                  <th className={`${thClass} text-right`}>CLV</th>
                  <th className={`${thClass} text-right`}>P(alive) before → now</th>
                  <th className={thClass}>Partner</th>
                  <th className={thClass}>Touchpoint</th>
                  <th className={thClass}>Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.customerId} className={rowClass}>
                    <td className="px-4 py-2">
                      <Link
                        href={`/t/${tenant}/value/customers/${r.customerId}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {r.name ?? r.externalRef ?? r.customerId}
                      </Link>
                      <span className="block text-xs text-slate-500">{r.segment}</span>
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney(r.clv, currency)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      {formatPercent(r.aliveBefore)} → {formatPercent(r.aliveNow)}
                    </td>
                    <td className="px-4 py-2">{r.partner ?? "—"}</td>
                    <td className="px-4 py-2">{r.touchpoint ?? "—"}</td>
                    <td className="px-4 py-2 text-slate-700">{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
          <Pagination
            page={Math.min(query.page, pageCount)}
            pageCount={pageCount}
            total={total}
            hrefFor={(page) => href(query.sort, page)}
            label="customers"
          />
        </>
      )}
    </div>
  );
}
