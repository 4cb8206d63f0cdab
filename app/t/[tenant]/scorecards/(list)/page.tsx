import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadScorecardsPage } from "@/lib/scorecards/pages";
import { SCORECARD_AREA_LABELS, SCORECARD_AREA_SHORT_LABELS, SCORECARD_AREAS } from "@/lib/scorecards/weights";
import { parseMonth } from "@/lib/months";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { AREA_SCORE_KEY, FormulaPanel } from "@/components/scorecards/breakdown";
import { Change, monthLabel, RecommendationBadge, Score, StatusBadge } from "@/components/scorecards/labels";
import { PLAN_STATUS_LABELS } from "@/lib/plans/lifecycle";
import { MonthPicker } from "@/components/scorecards/month-picker";
import { MonthControls } from "../month-controls";
import { recentMonths } from "@/lib/scorecards/month-choice";

export const metadata: Metadata = { title: "Scorecards" };

const PAGE_SIZE = 50;
const th = "px-3 py-2 font-medium";

export default async function ScorecardsPage({ params, searchParams }: PageProps<"/t/[tenant]/scorecards">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const tenantId = access.tenant.id;
  const mayPublish = can(access.membership.role, "scorecards:publish");
  const mayExport = can(access.membership.role, "exports:read");
  const data = await loadScorecardsPage(tenantId, query);
  const base = `/t/${tenant}/scorecards`;
  const monthDate = parseMonth(data.month);
  const monthName = monthLabel(monthDate);
  const rows = data.cards.rows;
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number(query.page) || 1));
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const scored = rows.filter((r) => r.score !== null);
  const average = scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null;
  const months = recentMonths().map((m) => ({ value: m, label: monthLabel(parseMonth(m)) }));
  if (!months.some((m) => m.value === data.month)) months.push({ value: data.month, label: monthName });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Scorecards"
        description="Monthly partner scorecards: standards compliance, customer experience, incident performance, customer value and partner engagement, combined with your weights. Compute a draft, review it, then publish it to the partners."
        actions={
          <div className="flex gap-2">
            <Link href={`${base}/survey`} className={buttonClass("secondary")}>
              Partner survey
            </Link>
            {can(access.membership.role, "settings:write") && (
              <Link href={`/t/${tenant}/settings/scorecards`} className={buttonClass("ghost")}>
                Weights &amp; thresholds
              </Link>
            )}
          </div>
        }
      />
      <Card className="flex flex-wrap items-end justify-between gap-4 p-5">
        <div className="flex flex-wrap items-end gap-6">
          <MonthPicker months={months} value={data.month} basePath={base} />
          <div className="text-sm" data-testid="month-state">
            {data.cards.state === "none" && <span className="text-slate-600">Not computed yet</span>}
            {data.cards.state === "draft" && (
              <span className="text-amber-800">
                Draft — {data.cards.drafts} partners, not visible to partners
                {data.cards.published > 0 ? " (an earlier version is published)" : ""}
              </span>
            )}
            {data.cards.state === "published" && (
              <span className="text-emerald-800">Published — {data.cards.published} partners</span>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          {mayExport && rows.length > 0 && (
            <>
              <a
                href={`/t/${tenant}/scorecards/export?month=${data.month}&format=csv`}
                className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
                download
              >
                Export CSV
              </a>
              <a
                href={`/t/${tenant}/scorecards/export?month=${data.month}&format=pdf`}
                className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
                download
              >
                Export PDF
              </a>
            </>
          )}
          {mayExport && data.exports.files.length > 0 && (
            <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="published-export">
              Download the published export:
              {data.exports.files.map((f) => (
                <a
                  key={f.format}
                  href={`/t/${tenant}/scorecards/export/published?month=${data.month}&format=${f.format}`}
                  className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
                  title={`${f.fileName} · ${f.partners} partners · ${(f.size / 1024).toFixed(0)} KB · stored ${f.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
                  download
                >
                  Published {f.format.toUpperCase()}
                </a>
              ))}
            </span>
          )}
          {mayExport &&
            data.exports.files.length === 0 &&
            (data.exports.job?.status === "QUEUED" || data.exports.job?.status === "RUNNING") && (
              <span className="text-xs text-slate-600" data-testid="published-export-pending" role="status">
                The published export (CSV and PDF) is being prepared. Reload in a minute.
              </span>
            )}
          {mayExport && data.exports.job?.status === "FAILED" && (
            <span className="text-xs text-red-700" data-testid="published-export-failed" role="status">
              {data.exports.job.error ?? "The published export failed."}
            </span>
          )}
          {mayPublish && (
            <MonthControls
              tenantSlug={tenant}
              month={data.month}
              monthName={monthName}
              drafts={data.cards.drafts}
              hasPublished={data.cards.published > 0}
            />
          )}
        </div>
      </Card>

      {rows.length === 0 ? (
        <EmptyState title={`No scorecards for ${monthName}`}>
          {mayPublish
            ? "Compute a draft to score every active partner for this month."
            : "A steward has not computed this month yet."}
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {rows.length} partners · {scored.length} with a score · average{" "}
            {average === null ? "—" : average.toFixed(1)} · weights{" "}
            {SCORECARD_AREAS.map((a) => `${SCORECARD_AREA_LABELS[a].toLowerCase()} ${data.config.weights[a]}`).join(
              ", ",
            )}
          </p>
          <ScrollCard label="Scorecards">
            <table className="w-full text-left text-sm" data-testid="scorecards-table">
              <caption className="sr-only">Scorecards of {monthName}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className={th}>Partner</th>
                  {SCORECARD_AREAS.map((a) => (
                    <th key={a} className={`${th} text-right`}>
                      {SCORECARD_AREA_SHORT_LABELS[a]}
                    </th>
                  ))}
                  <th className={`${th} text-right`}>Score</th>
                  <th className={`${th} text-right`}>Rank</th>
                  <th className={`${th} text-right`}>Change</th>
                  <th className={th}>Recommendation</th>
                  <th className={th}>State</th>
                </tr>
              </thead>
              <tbody>
                {pageRows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 last:border-0" data-testid="scorecard-row">
                    <td className="px-3 py-2">
                      <Link
                        href={`${base}/${r.partnerId}?month=${data.month}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {r.partnerName}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {r.partnerType.charAt(0) + r.partnerType.slice(1).toLowerCase()}
                      </span>
                    </td>
                    {SCORECARD_AREAS.map((a) => (
                      <td key={a} className="px-3 py-2 text-right">
                        <Score value={r[AREA_SCORE_KEY[a]]} />
                      </td>
                    ))}
                    <td className="px-3 py-2 text-right">
                      <Score value={r.score} strong />
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {r.rank === null ? "—" : `${r.rank} of ${r.peerCount}`}
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Change value={r.change} />
                    </td>
                    <td className="px-3 py-2">
                      <RecommendationBadge value={r.recommendation} />
                      {data.plans[r.partnerId] ? (
                        <Link
                          href={`/t/${tenant}/plans/${data.plans[r.partnerId].id}`}
                          className="mt-1 block whitespace-nowrap text-xs text-brand-700 underline"
                          data-testid="scorecard-plan"
                        >
                          Plan: {PLAN_STATUS_LABELS[data.plans[r.partnerId].status].toLowerCase()},{" "}
                          {data.plans[r.partnerId].done}/{data.plans[r.partnerId].total} done
                        </Link>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
          {pageCount > 1 && (
            <Pagination
              page={page}
              pageCount={pageCount}
              total={rows.length}
              label="partners"
              hrefFor={(p) => `${base}?month=${data.month}&page=${p}`}
            />
          )}
        </>
      )}

      <FormulaPanel />

      <Card className="p-5">
        <h2 className="text-base font-semibold">Partner comments on {monthName}</h2>
        {data.comments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            No comments yet. Partners can comment on and acknowledge their published scorecard.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="recent-comments">
            {data.comments.map((c) => (
              <li key={c.id} className="py-2">
                <Link
                  href={`${base}/${c.scorecard.partnerId}?month=${data.month}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {c.scorecard.partner.name}
                </Link>
                {c.acknowledged && <span className="ml-2 text-xs text-emerald-700">acknowledged</span>}
                <p className="whitespace-pre-wrap text-slate-700">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
