import { safeHref } from "@/lib/validation/web-url";
import type { StandardsPageData } from "@/lib/standards/pages";
import { describeTarget, formatMeasurement } from "@/lib/standards/evaluate";
import { Card, EmptyState } from "@/components/ui/card";
import { VerifyControls } from "./assessment-forms";
import { formatMonth } from "@/lib/months";

/** Partner self-assessments waiting for a steward to verify or reject them. */
export function QueueSection({
  tenant,
  write,
  queue,
}: {
  tenant: string;
  write: boolean;
  queue: StandardsPageData["queue"];
}) {
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
        Verification queue <span className="text-sm font-normal text-slate-500">({queue.length})</span>
      </h2>
      {queue.length === 0 ? (
        <EmptyState title="Nothing to verify">Partner self-assessments wait here for a steward.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="verification-queue">
            {queue.map((a) => (
              <li key={a.id} className="grid gap-3 px-4 py-3 text-sm md:grid-cols-2" data-testid="queue-item">
                <div>
                  <p className="font-medium">
                    {a.partner.name} · {a.standard.name}{" "}
                    <span className="text-xs text-slate-500">v{a.standard.version}</span>
                  </p>
                  <p className="text-xs text-slate-600">
                    {formatMonth(a.period)} · reported {formatMeasurement(a.standard, a.value)} (
                    {describeTarget(a.standard)}) · {a.met ? "meets the target" : "misses the target"}
                  </p>
                  <p className="mt-1 text-slate-700">{a.evidenceText}</p>
                  {safeHref(a.evidenceUrl) && (
                    <a
                      href={safeHref(a.evidenceUrl)!}
                      className="text-xs text-brand-700 hover:underline"
                      target="_blank"
                      rel="noreferrer noopener"
                    >
                      {a.evidenceUrl}
                    </a>
                  )}
                </div>
                {write && (
                  <VerifyControls
                    tenantSlug={tenant}
                    assessmentId={a.id}
                    label={`${a.partner.name}, ${a.standard.name}`}
                  />
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
