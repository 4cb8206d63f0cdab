import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadIncentivesPage } from "@/lib/incentives/pages";
import { parseMonth } from "@/lib/months";
import { recentMonths } from "@/lib/scorecards/month-choice";
import { formatMoney } from "@/lib/workspace/money";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { Pagination } from "@/components/ui/pagination";
import { monthLabel } from "@/components/scorecards/labels";
import { MonthPicker } from "@/components/scorecards/month-picker";
import { ApproveIncentives } from "./approve-button";

export const metadata: Metadata = { title: "Incentives" };

const PAGE_SIZE = 50;
const th = "px-3 py-2 font-medium";

export default async function IncentivesPage({ params, searchParams }: PageProps<"/t/[tenant]/incentives">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const { view, publishedMonths, approvedMonths } = await loadIncentivesPage(access.tenant.id, query);
  const mayApprove = can(access.membership.role, "incentives:write");
  const mayExport = can(access.membership.role, "exports:read");
  const base = `/t/${tenant}/incentives`;
  const monthName = monthLabel(parseMonth(view.month));
  const money = (cents: number) => formatMoney(cents / 100, view.currency, { cents: true });
  const months = recentMonths().map((m) => ({
    value: m,
    label: `${monthLabel(parseMonth(m))}${approvedMonths.includes(m) ? " · approved" : publishedMonths.includes(m) ? " · published" : ""}`,
  }));
  if (!months.some((m) => m.value === view.month)) months.push({ value: view.month, label: monthName });
  const pageCount = Math.max(1, Math.ceil(view.rows.length / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number(query.page) || 1));
  const rows = view.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const changes = view.rows.filter((r) => r.tier !== r.previousTier);
  const eligible = view.rows.filter((r) => r.eligible).length;
  const laterApproved = approvedMonths.some((m) => m > view.month);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Incentives"
        description="Each published month's consequences: tier changes and the bonus pool, earned by customer experience and customer equity rather than sales volume. Review the proposal, approve it, and it is frozen with the month."
        actions={
          <Link href={`/t/${tenant}/settings/incentives`} className={buttonClass("secondary")}>
            Incentive rules
          </Link>
        }
      />
      <Card className="flex flex-wrap items-end justify-between gap-4 p-5">
        <div className="flex flex-wrap items-end gap-6">
          <MonthPicker months={months} value={view.month} basePath={base} />
          {/* role=status: after approving, the refreshed page's state line is the confirmation, read out when it changes */}
          <div className="text-sm" data-testid="incentive-state" role="status">
            {view.state === "unpublished" && (
              <span className="text-slate-600">No published scorecards for {monthName}</span>
            )}
            {view.state === "proposed" && (
              <span className="text-amber-800">Proposed — not approved, partners do not see it</span>
            )}
            {view.state === "approved" && (
              <span className="text-emerald-800">
                Approved {view.approvedAt?.toISOString().slice(0, 10)}
                {view.approvedBy ? ` by ${view.approvedBy}` : ""} — frozen, partners see their own
              </span>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          {mayExport && view.state === "approved" && (
            <a
              href={`/t/${tenant}/incentives/export?month=${view.month}`}
              className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
              download
            >
              Payout CSV
            </a>
          )}
          {mayApprove && view.state === "proposed" && !laterApproved && (
            <ApproveIncentives
              tenantSlug={tenant}
              month={view.month}
              monthName={monthName}
              summary={`${view.rows.length} partners, ${changes.length} tier changes, ${money(view.paidCents)} paid to ${view.paidCents > 0 ? eligible : 0} partners.`}
            />
          )}
          {view.state === "proposed" && laterApproved && (
            <span className="text-xs text-slate-600">A later month is approved: months are approved in order.</span>
          )}
        </div>
      </Card>

      {view.rows.length === 0 ? (
        <EmptyState title={`Nothing to propose for ${monthName}`}>
          Incentives follow published scorecards. Publish the month on the Scorecards page first.
        </EmptyState>
      ) : (
        <>
          <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="incentive-summary">
            <Card className="p-4">
              <dt className="text-slate-600">Bonus pool</dt>
              <dd className="text-lg font-semibold">{money(view.poolCents)}</dd>
            </Card>
            <Card className="p-4">
              <dt className="text-slate-600">Paid</dt>
              <dd className="text-lg font-semibold">{money(view.paidCents)}</dd>
              <dd className="text-xs text-slate-600">
                to {view.paidCents > 0 ? eligible : 0} partners at or above the floor of {view.rules.floorScore}
              </dd>
            </Card>
            <Card className="p-4">
              <dt className="text-slate-600">Tier changes</dt>
              <dd className="text-lg font-semibold">{changes.length}</dd>
              <dd className="text-xs text-slate-600">
                after {view.rules.hysteresisMonths} consecutive month{view.rules.hysteresisMonths === 1 ? "" : "s"} in a
                new band
              </dd>
            </Card>
            <Card className="p-4">
              <dt className="text-slate-600">Tiers</dt>
              <dd className="text-xs text-slate-700">
                {view.rules.tiers.map((t) => `${t.name} ≥ ${t.minScore}`).join(" · ")}
              </dd>
            </Card>
          </dl>
          {view.note && (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="incentive-note">
              {view.note}
            </p>
          )}
          <ScrollCard label="Tiers and payouts">
            <table className="w-full text-sm">
              <caption className="sr-only">
                Proposed or approved tier and payout of each partner for {monthName}
              </caption>
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className={th}>Partner</th>
                  <th className={th}>Score</th>
                  <th className={th}>Equity served</th>
                  <th className={th}>
                    <span className="inline-flex items-center gap-1">
                      Tier <HelpDisclosure topic="incentiveTier" base={`/t/${tenant}`} />
                    </span>
                  </th>
                  <th className={th}>Share</th>
                  <th className={th}>
                    <span className="inline-flex items-center gap-1">
                      Payout <HelpDisclosure topic="incentivePayout" base={`/t/${tenant}`} />
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.partnerId} className="border-t border-slate-100 align-top" data-testid="incentive-row">
                    <td className="px-3 py-2">
                      <Link className="underline" href={`/t/${tenant}/partners/${r.partnerId}`}>
                        {r.partnerName}
                      </Link>
                    </td>
                    <td className="px-3 py-2 tabular-nums">{r.score === null ? "—" : r.score.toFixed(1)}</td>
                    <td className="px-3 py-2 tabular-nums">{formatMoney(r.equityServed, view.currency)}</td>
                    <td className="px-3 py-2">
                      <span className="flex flex-wrap items-center gap-1">
                        {r.previousTier && r.previousTier !== r.tier && (
                          <span className="text-slate-500 line-through">{r.previousTier}</span>
                        )}
                        <Badge tone={r.tier !== r.previousTier ? "violet" : "slate"}>{r.tier ?? "—"}</Badge>
                      </span>
                      <span className="block text-xs text-slate-600">{r.tierReason}</span>
                    </td>
                    <td className="px-3 py-2 tabular-nums">
                      {r.eligible ? `${(r.share * 100).toFixed(2)} %` : "—"}
                      <span className="block text-xs text-slate-600">
                        {r.eligible
                          ? `${r.score?.toFixed(1)} × ${formatMoney(r.equityServed, view.currency)}`
                          : r.reason}
                      </span>
                    </td>
                    <td className="px-3 py-2 font-medium tabular-nums">{money(r.payoutCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
          {pageCount > 1 && (
            <Pagination
              page={page}
              pageCount={pageCount}
              total={view.rows.length}
              label="partners"
              hrefFor={(p) => `${base}?month=${view.month}&page=${p}`}
            />
          )}
        </>
      )}
    </div>
  );
}
