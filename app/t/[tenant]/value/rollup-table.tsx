import Link from "next/link";
import { ScrollCard } from "@/components/ui/card";
import { formatMoney, formatPercent } from "./format";

export const thClass = "px-4 py-2";
export const theadClass = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500";
export const rowClass = "border-b border-slate-100 last:border-0";

export function RollupTable({
  caption,
  rows,
  total,
  showServed,
  testId,
  currency,
}: {
  caption: string;
  rows: {
    key: string | null;
    label: string;
    customers: number;
    equity: number;
    servedEquity?: number;
    href?: string;
  }[];
  total: number;
  showServed?: boolean;
  testId?: string;
  currency: string;
}) {
  return (
    <ScrollCard label={caption}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>Name</th>
            <th className={`${thClass} text-right`}>Customers</th>
            <th className={`${thClass} text-right`}>Equity</th>
            <th className={`${thClass} text-right`}>Share</th>
            {showServed && <th className={`${thClass} text-right`}>CLV of customers served</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? "none"} className={rowClass}>
              <td className="px-4 py-2 font-medium">
                {r.href ? (
                  <Link href={r.href} className="text-brand-700 hover:underline">
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{r.customers.toLocaleString("en")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatMoney(r.equity, currency)}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {formatPercent(total > 0 ? r.equity / total : null, 1)}
              </td>
              {showServed && (
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(r.servedEquity, currency)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
