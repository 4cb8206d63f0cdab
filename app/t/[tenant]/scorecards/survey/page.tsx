import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { loadSurveyResultsPage } from "@/lib/scorecards/pages";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";

export const metadata: Metadata = { title: "Partner survey" };

const avg = (v: number) => v.toFixed(1);

export default async function SurveyResultsPage({ params, searchParams }: PageProps<"/t/[tenant]/scorecards/survey">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const data = await loadSurveyResultsPage(access.tenant.id, {
    quarter: typeof query.quarter === "string" ? query.quarter : undefined,
  });
  const base = `/t/${tenant}/scorecards/survey`;
  const total = data.rows.reduce((s, r) => s + r.responses, 0);
  const mean = (k: "communication" | "fairness" | "tools" | "support" | "overall") =>
    total ? data.rows.reduce((s, r) => s + r[k] * r.responses, 0) / total : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Partner survey"
        description="How your partners rate you each quarter (1–5): communication, fairness, tools and support. The answers feed each partner's engagement sub-score."
        actions={
          <Link href={`/t/${tenant}/scorecards`} className="text-sm text-brand-700 hover:underline">
            ← Scorecards
          </Link>
        }
      />
      {!data.quarter ? (
        <EmptyState title="No survey answers yet">
          Partner users answer the survey in their portal, once a quarter.
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Quarters" className="flex flex-wrap gap-2 text-sm">
            {data.quarters.map((q) => (
              <Link
                key={q}
                href={`${base}?quarter=${q}`}
                aria-current={q === data.quarter ? "page" : undefined}
                className={`rounded-md px-2.5 py-1 ${q === data.quarter ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700"}`}
              >
                {q}
              </Link>
            ))}
          </nav>
          <div className="grid gap-4 sm:grid-cols-5">
            {(["overall", "communication", "fairness", "tools", "support"] as const).map((k) => (
              <Card key={k} className="p-4">
                <p className="text-xs capitalize text-slate-500">{k}</p>
                <p className="text-2xl font-semibold tabular-nums">{mean(k) === null ? "—" : avg(mean(k)!)}</p>
              </Card>
            ))}
          </div>
          <ScrollCard label="Survey answers">
            <table className="w-full text-left text-sm" data-testid="survey-table">
              <caption className="sr-only">Survey averages per partner, {data.quarter}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-3 py-2">Partner</th>
                  <th className="px-3 py-2 text-right">Responses</th>
                  <th className="px-3 py-2 text-right">Communication</th>
                  <th className="px-3 py-2 text-right">Fairness</th>
                  <th className="px-3 py-2 text-right">Tools</th>
                  <th className="px-3 py-2 text-right">Support</th>
                  <th className="px-3 py-2 text-right">Average</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.partnerId} className="border-b border-slate-100 last:border-0">
                    <td className="px-3 py-2">{r.partnerName}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.responses}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{avg(r.communication)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{avg(r.fairness)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{avg(r.tools)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{avg(r.support)}</td>
                    <td className="px-3 py-2 text-right font-semibold tabular-nums">{avg(r.overall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
          <Card className="p-5">
            <h2 className="text-base font-semibold">Comments</h2>
            {data.comments.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No comments this quarter.</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100 text-sm">
                {data.comments.map((c) => (
                  <li key={c.id} className="py-2">
                    <p className="text-xs text-slate-500">{c.partner.name}</p>
                    <p className="whitespace-pre-wrap">{c.comment}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
