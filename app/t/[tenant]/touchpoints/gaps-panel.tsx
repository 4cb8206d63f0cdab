import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import type { JourneyGaps } from "@/lib/touchpoints/channel-design";
import { VALUE_PROPOSITION_LABELS } from "@/lib/touchpoints/channel-design";
import { Card } from "@/components/ui/card";

/** The journey map's gaps, with counts and links to the touchpoints to fix. */
export function GapsPanel({ tenant, gaps, write }: { tenant: string; gaps: JourneyGaps; write: boolean }) {
  const base = `/t/${tenant}/touchpoints`;
  const fix = (id: string) => (write ? `${base}?edit=${id}#channel-roles` : `${base}#tp-${id}`);
  return (
    <Card className="space-y-3 p-4 text-sm" data-testid="gaps-panel">
      <h2 className="flex items-center gap-2 font-semibold">
        {gaps.total > 0 && <TriangleAlert className="size-4 text-amber-700" aria-hidden />}
        Gaps in the journey: <span data-testid="gaps-total">{gaps.total}</span>
      </h2>
      <p className="text-slate-600">
        A gap is a touchpoint where nobody is accountable, a value proposition no touchpoint serves, or a moment of
        truth with no experience standard. Each one is a place where the customer experience has no owner or no target.
      </p>
      {gaps.total === 0 ? (
        <p className="text-emerald-800">
          No gaps: every touchpoint has an accountable party, every value proposition is served, and every moment of
          truth has a standard.
        </p>
      ) : (
        <div className="grid gap-3 md:grid-cols-3">
          <section aria-labelledby="gap-accountable" data-testid="gap-no-accountable">
            <h3 id="gap-accountable" className="font-medium">
              No accountable party ({gaps.noAccountable.length})
            </h3>
            <ul className="mt-1 space-y-0.5">
              {gaps.noAccountable.map((t) => (
                <li key={t.id}>
                  <Link href={fix(t.id)} className="text-brand-700 underline">
                    {t.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="gap-propositions" data-testid="gap-unserved">
            <h3 id="gap-propositions" className="font-medium">
              Value propositions no touchpoint serves ({gaps.unservedPropositions.length})
            </h3>
            <ul className="mt-1 space-y-0.5">
              {gaps.unservedPropositions.map((v) => (
                <li key={v}>
                  {VALUE_PROPOSITION_LABELS[v]}{" "}
                  <Link href={`${base}#tp-form-heading`} className="text-brand-700 underline">
                    (assign it to a touchpoint)
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="gap-standards" data-testid="gap-no-standard">
            <h3 id="gap-standards" className="font-medium">
              Moments of truth without a standard ({gaps.momentsWithoutStandard.length})
            </h3>
            <ul className="mt-1 space-y-0.5">
              {gaps.momentsWithoutStandard.map((t) => (
                <li key={t.id}>
                  <Link href={`/t/${tenant}/standards`} className="text-brand-700 underline">
                    {t.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </Card>
  );
}
