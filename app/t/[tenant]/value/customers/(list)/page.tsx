import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { loadCustomersPage } from "@/lib/value/pages";
import { buttonClass } from "@/components/ui/button";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { formatDate, formatMoney, formatPercent } from "../../format";
import { rowClass, thClass, theadClass } from "../../rollup-table";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ params, searchParams }: PageProps<"/t/[tenant]/value/customers">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const { currency } = access.tenant;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const segment = query.segment === "B2B" || query.segment === "B2C" ? query.segment : undefined;
  const page = Math.max(1, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1);
  const { rows, total, pageSize } = await loadCustomersPage(access.tenant.id, { q, page, segment });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const sp = new URLSearchParams();
    if (q) sp.set("q", q);
    if (segment) sp.set("segment", segment);
    if (p > 1) sp.set("page", String(p));
    const s = sp.toString();
    return `/t/${tenant}/value/customers${s ? `?${s}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title="Customers"
        description="The brand's customers, most valuable first, with their latest customer lifetime value."
        actions={
          <Link href={`/t/${tenant}/value`} className={buttonClass("secondary")}>
            Customers & value
          </Link>
        }
      />
      <form className="flex flex-wrap items-end gap-3" role="search" action={`/t/${tenant}/value/customers`}>
        <div className="w-72">
          <label htmlFor="customer-search" className="block text-sm font-medium text-slate-700">
            Search
          </label>
          <input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Name, e-mail or reference"
            className={inputClass}
          />
        </div>
        <div className="w-36">
          <label htmlFor="customer-segment" className="block text-sm font-medium text-slate-700">
            Segment
          </label>
          <select id="customer-segment" name="segment" defaultValue={segment ?? ""} className={inputClass}>
            <option value="">All</option>
            <option value="B2B">B2B</option>
            <option value="B2C">B2C</option>
          </select>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={q || segment ? "No customer matches" : "No customers yet"}>
          {q || segment ? "Try another search." : "Customers arrive with the demo seed, imports or the API."}
        </EmptyState>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-x-4 text-sm text-slate-600">
            <span>
              CLV <HelpDisclosure topic="clv" base={`/t/${tenant}`} />
            </span>
            <span>
              P(alive) <HelpDisclosure topic="pAlive" base={`/t/${tenant}`} />
            </span>
          </p>
          <ScrollCard label="Customers">
            <table className="w-full text-left text-sm" data-testid="customers">
              <thead className={theadClass}>
                <tr>
                  <th className={thClass}>Customer</th>
                  <th className={thClass}>Segment</th>
                  <th className={thClass}>Acquired</th>
                  <th className={thClass}>Acquired by</th>
                  <th className={`${thClass} text-right`}>Transactions</th>
                  <th className={`${thClass} text-right`}>Margin to date</th>
                  <th className={thClass}>Last purchase</th>
                  <th className={`${thClass} text-right`}>CLV</th>
                  <th className={`${thClass} text-right`}>P(alive)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} className={rowClass}>
                    <td className="px-4 py-2">
                      <Link
                        href={`/t/${tenant}/value/customers/${c.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {c.name ?? c.externalRef ?? c.id}
                      </Link>
                      {c.email && <span className="block text-xs text-slate-500">{c.email}</span>}
                    </td>
                    <td className="px-4 py-2">{c.segment}</td>
                    <td className="px-4 py-2">{formatDate(c.acquiredAt)}</td>
                    <td className="px-4 py-2 text-slate-600">{c.acquiringPartner ?? "Direct"}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{c.transactions.toLocaleString("en")}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney(c.margin, currency)}</td>
                    <td className="px-4 py-2">{formatDate(c.lastPurchaseAt)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney(c.clv, currency)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatPercent(c.probabilityAlive)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        </>
      )}
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
        <span>
          {total.toLocaleString("en")} customers · page {Math.min(page, pages)} of {pages}
        </span>
        <span className="flex gap-2">
          {page > 1 && (
            <Link href={link(page - 1)} className={buttonClass("secondary")}>
              Previous
            </Link>
          )}
          {page < pages && (
            <Link href={link(page + 1)} className={buttonClass("secondary")}>
              Next
            </Link>
          )}
        </span>
      </nav>
    </div>
  );
}
