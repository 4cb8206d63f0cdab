import Link from "next/link";
import { ScrollCard } from "@/components/ui/card";
import type { PlanSummary } from "@/lib/plans/queries";
import { PlanStatusBadge, ProgressLine } from "./plan-view";

/** A page of plans with their status and progress; the steward's list adds each plan's partner. */
export function PlanTable({
  plans,
  base,
  label,
  showPartner = false,
}: {
  plans: PlanSummary[];
  /** The list's path; each plan links to `${base}/${id}`. */
  base: string;
  label: string;
  showPartner?: boolean;
}) {
  return (
    <ScrollCard label={label}>
      <table className={`w-full ${showPartner ? "min-w-[40rem]" : "min-w-[32rem]"} text-left text-sm`}>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">Plan</th>
            {showPartner ? <th className="px-4 py-2">Partner</th> : null}
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2">Progress</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plans.map((p) => (
            <tr key={p.id} data-testid="plan-row">
              <td className="px-4 py-3">
                <Link href={`${base}/${p.id}`} className="font-medium text-brand-700 underline">
                  {p.title}
                </Link>
                <p className="text-xs text-slate-600">{p.reason}</p>
              </td>
              {showPartner ? <td className="px-4 py-3">{p.partnerName}</td> : null}
              <td className="px-4 py-3">
                <PlanStatusBadge status={p.status} />
              </td>
              <td className="px-4 py-3">
                <ProgressLine plan={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
