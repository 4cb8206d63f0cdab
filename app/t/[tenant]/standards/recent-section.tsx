import type { StandardsPageData } from "@/lib/standards/pages";
import { Card, EmptyState } from "@/components/ui/card";
import { AssessmentOutcome } from "@/components/standards/assessment-outcome";
import { formatMonth } from "@/lib/months";

/** The latest assessments, verified or not. */
export function RecentSection({ recent }: { recent: StandardsPageData["recent"] }) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
        Recent assessments
      </h2>
      {recent.length === 0 ? (
        <EmptyState title="No assessment yet" />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="recent-assessments">
            {recent.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-3 px-4 py-2">
                <span>
                  {a.partner.name} · {a.standard.name}{" "}
                  <span className="text-xs text-slate-500">v{a.standard.version}</span>
                  <span className="block text-xs text-slate-500">
                    {formatMonth(a.period)} · {a.source.toLowerCase().replace("_", " ")}
                    {a.rejectionReason ? ` · rejected: ${a.rejectionReason}` : ""}
                  </span>
                </span>
                <AssessmentOutcome assessment={a} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
