import Link from "next/link";
import type { StandardsPageData } from "@/lib/standards/pages";
import { describeTarget, METRIC_KIND_LABELS } from "@/lib/standards/evaluate";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

type Props = {
  tenant: string;
  base: string;
  write: boolean;
  library: StandardsPageData["library"];
  editing: StandardsPageData["editing"];
};

/** The standards of each touchpoint, folded per touchpoint, with a link to edit each for a user who may. */
export function LibrarySection({ tenant, base, write, library, editing }: Props) {
  const total = library.reduce((n, t) => n + t.standards.length, 0);
  return (
    <section aria-labelledby="library-heading" className="space-y-3">
      <h2 id="library-heading" className="text-lg font-semibold">
        Library <span className="text-sm font-normal text-slate-500">({total} standards)</span>
      </h2>
      {library.length === 0 ? (
        <EmptyState title="No touchpoints yet">
          Standards belong to touchpoints: add one on the{" "}
          <Link href={`/t/${tenant}/touchpoints`} className="text-brand-700 underline">
            journey map
          </Link>{" "}
          first.
        </EmptyState>
      ) : (
        <div className="grid gap-4 *:min-w-0 lg:grid-cols-2" data-testid="standards-library">
          {library.map((t) => (
            <Card key={t.id} className="p-4" aria-label={`Standards of ${t.name}`}>
              {/* Folded by default so the page stays short; the one being edited opens. */}
              <details open={editing?.touchpointId === t.id}>
                <summary className="cursor-pointer">
                  <h3 className="inline font-medium">
                    {t.name}{" "}
                    <span className="text-xs font-normal text-slate-500">
                      · {t.stage} · {t.partnerCount} partner{t.partnerCount === 1 ? "" : "s"} · {t.standards.length}{" "}
                      standard
                      {t.standards.length === 1 ? "" : "s"}
                    </span>
                    {t.isMomentOfTruth && (
                      <Badge tone="violet" className="ml-2">
                        moment of truth
                      </Badge>
                    )}
                  </h3>
                </summary>
                {t.standards.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">No standard for this touchpoint.</p>
                ) : (
                  <ul className="mt-2 divide-y divide-slate-100 text-sm">
                    {t.standards.map((s) => (
                      <li
                        key={s.id}
                        className="flex items-start justify-between gap-3 py-2"
                        data-testid="standard-item"
                      >
                        <span>
                          <span className="font-medium">{s.name}</span>{" "}
                          <span className="text-xs text-slate-500">v{s.version}</span>
                          <span className="block text-xs text-slate-500">
                            {describeTarget(s)} · {METRIC_KIND_LABELS[s.metricKind]} · weight {s.weight} ·{" "}
                            {s.severity.toLowerCase()}
                          </span>
                        </span>
                        {write && (
                          <Link
                            href={`${base}?edit=${s.id}#standard-form`}
                            className="shrink-0 text-xs text-brand-700 hover:underline"
                          >
                            Edit {s.name}
                          </Link>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </details>
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}
