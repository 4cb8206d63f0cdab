import Link from "next/link";
import type { StandardsPageData } from "@/lib/standards/pages";
import { EmptyState, ScrollCard } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

type Props = Pick<StandardsPageData, "partnerNames" | "compliance"> & {
  tenant: string;
  base: string;
  periodParam: string;
};

/** Each partner's compliance in the chosen period, with the period picker. */
export function ComplianceSection({ tenant, base, periodParam, partnerNames, compliance }: Props) {
  return (
    <section aria-labelledby="compliance-heading">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id="compliance-heading" className="text-lg font-semibold">
          Compliance by partner · {periodParam}
        </h2>
        <form method="get" action={base} className="flex items-end gap-2">
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">Period</span>
            <input type="month" name="period" defaultValue={periodParam} className={inputClass} />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Show
          </button>
        </form>
      </div>
      {partnerNames.length === 0 ? (
        <EmptyState title="No partner handles a touchpoint yet" />
      ) : (
        <ScrollCard label="Compliance by partner">
          <table className="w-full text-left text-sm" data-testid="compliance-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Partner</th>
                <th className="px-4 py-2">Compliance</th>
                <th className="px-4 py-2">Met / assessed / applicable weight</th>
                <th className="px-4 py-2">Coverage</th>
              </tr>
            </thead>
            <tbody>
              {partnerNames.map((p) => {
                const c = compliance.get(p.id)!;
                return (
                  <tr key={p.id} className="border-b border-slate-100 last:border-0" data-testid="compliance-row">
                    <td className="px-4 py-2">
                      <Link href={`/t/${tenant}/partners/${p.id}`} className="text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                    </td>
                    <td className="px-4 py-2 font-medium">
                      {c.score === null ? "not assessed" : `${c.score.toFixed(1)}%`}
                    </td>
                    <td className="px-4 py-2 text-slate-600">
                      {c.metWeight} / {c.assessedWeight} / {c.totalWeight}
                    </td>
                    <td className="px-4 py-2 text-slate-600">
                      {c.coverage === null ? "—" : `${c.coverage.toFixed(1)}%`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollCard>
      )}
    </section>
  );
}
