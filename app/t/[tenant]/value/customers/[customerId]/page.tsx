import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { loadCustomerPage } from "@/lib/value/pages";
import { formatMonth } from "@/lib/months";
import { buttonClass } from "@/components/ui/button";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { EquityTrendChart } from "../../charts";
import { formatDate, formatMoney2, formatPercent } from "../../format";
import { rowClass, thClass, theadClass } from "../../rollup-table";

export const metadata: Metadata = { title: "Customer" };

const CHANNEL = { ONLINE: "Online", STORE: "Store", PHONE: "Phone", FIELD: "Field" } as const;

export default async function CustomerPage({ params }: PageProps<"/t/[tenant]/value/customers/[customerId]">) {
  const { tenant, customerId } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const { currency } = access.tenant;
  if (customerId.length > 64) notFound();
  const detail = await loadCustomerPage(access.tenant.id, customerId);
  if (!detail) notFound();
  const { customer, transactions, transactionCount, servingPartners, incidents, values } = detail;
  const latest = values.at(-1);
  return (
    <div className="space-y-8">
      <PageHeader
        title={customer.name ?? customer.externalRef ?? "Customer"}
        description={[customer.segment, customer.email, customer.externalRef && `ref ${customer.externalRef}`]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <Link href={`/t/${tenant}/value/customers`} className={buttonClass("secondary")}>
            All customers
          </Link>
        }
      />
      <section className="grid gap-4 md:grid-cols-4" aria-label="Summary">
        <Card className="p-4">
          <p className="text-xs text-slate-500">
            CLV {latest ? `(${formatMonth(latest.asOf)})` : ""} <HelpDisclosure topic="clv" base={`/t/${tenant}`} />
          </p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="customer-clv">
            {formatMoney2(latest?.clv, currency)}
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-xs text-slate-500">
            {latest?.model === "RETENTION" ? "Retention (segment)" : "Probability alive"}{" "}
            <HelpDisclosure topic="pAlive" base={`/t/${tenant}`} />
          </p>
          <p className="text-2xl font-semibold tabular-nums">{formatPercent(latest?.probabilityAlive)}</p>
        </Card>
        <Card className="p-4">
          <p className="text-xs text-slate-500">Expected purchases (horizon) · margin each</p>
          <p className="text-2xl font-semibold tabular-nums">
            {latest?.expectedPurchases != null ? latest.expectedPurchases.toFixed(2) : "—"} ·{" "}
            {formatMoney2(latest?.expectedMargin, currency)}
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-xs text-slate-500">Acquired</p>
          <p className="text-sm font-medium">{formatDate(customer.acquiredAt)}</p>
          <p className="text-sm text-slate-600">by {customer.acquiringPartner?.name ?? "the brand directly"}</p>
        </Card>
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          CLV history
        </h2>
        {values.length === 0 ? (
          <EmptyState title="No CLV computed for this customer yet" />
        ) : (
          <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
            <Card className="p-4">
              <EquityTrendChart
                currency={currency}
                data={values.map((v) => ({ month: formatMonth(v.asOf), equity: Math.round(v.clv * 100) / 100 }))}
              />
            </Card>
            <ScrollCard label="Customer value history">
              <table className="w-full text-left text-sm" data-testid="clv-history">
                <thead className={theadClass}>
                  <tr>
                    <th className={thClass}>Month</th>
                    <th className={thClass}>Model</th>
                    <th className={`${thClass} text-right`}>CLV</th>
                    <th className={`${thClass} text-right`}>P(alive)</th>
                  </tr>
                </thead>
                <tbody>
                  {values.map((v) => (
                    <tr key={v.asOf.toISOString()} className={rowClass}>
                      <td className="px-4 py-2">{formatMonth(v.asOf)}</td>
                      <td className="px-4 py-2">{v.model === "BG_NBD" ? "BG/NBD" : "Retention"}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{formatMoney2(v.clv, currency)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{formatPercent(v.probabilityAlive)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollCard>
          </div>
        )}
      </section>

      <section aria-labelledby="partners-heading" className="space-y-2">
        <h2 id="partners-heading" className="text-lg font-semibold">
          Serving partners
        </h2>
        <ScrollCard label="Transactions">
          <table className="w-full text-left text-sm" data-testid="serving-partners">
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>Partner</th>
                <th className={`${thClass} text-right`}>Transactions</th>
                <th className={`${thClass} text-right`}>Margin</th>
                <th className={thClass}>First</th>
                <th className={thClass}>Last</th>
              </tr>
            </thead>
            <tbody>
              {servingPartners.map((p) => (
                <tr key={p.partnerId ?? "direct"} className={rowClass}>
                  <td className="px-4 py-2 font-medium">{p.name ?? "Direct (no partner)"}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{p.transactions}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney2(p.margin, currency)}</td>
                  <td className="px-4 py-2">{formatDate(p.first)}</td>
                  <td className="px-4 py-2">{formatDate(p.last)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollCard>
      </section>

      <section aria-labelledby="incidents-heading" className="space-y-2">
        <h2 id="incidents-heading" className="text-lg font-semibold">
          Incidents that affected this customer
        </h2>
        {incidents.length === 0 ? (
          <EmptyState title="No incidents recorded for this customer" />
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100 text-sm" data-testid="customer-incidents">
              {incidents.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <span>
                    <span className="font-medium">
                      INC-{i.number} {i.title}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {i.partner.name} · {i.touchpoint.name} · opened {formatDate(i.openedAt)}
                    </span>
                  </span>
                  <span className="text-xs text-slate-600">
                    {i.severity} · {i.status}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>

      <section aria-labelledby="transactions-heading" className="space-y-2">
        <h2 id="transactions-heading" className="text-lg font-semibold">
          Transactions
        </h2>
        <p className="text-sm text-slate-600">
          {transactionCount.toLocaleString("en")} in total
          {transactionCount > transactions.length ? `; the latest ${transactions.length} are shown` : ""}.
        </p>
        {transactions.length === 0 ? (
          <EmptyState title="No transactions" />
        ) : (
          <ScrollCard label="Incidents">
            <table className="w-full text-left text-sm" data-testid="transactions">
              <thead className={theadClass}>
                <tr>
                  <th className={thClass}>Date</th>
                  <th className={`${thClass} text-right`}>Revenue</th>
                  <th className={`${thClass} text-right`}>Margin</th>
                  <th className={thClass}>Served by</th>
                  <th className={thClass}>Touchpoint</th>
                  <th className={thClass}>Channel</th>
                </tr>
              </thead>
              <tbody>
                {transactions.map((t) => (
                  <tr key={t.id} className={rowClass}>
                    <td className="px-4 py-2">{formatDate(t.occurredAt)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney2(Number(t.revenue), currency)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney2(Number(t.margin), currency)}</td>
                    <td className="px-4 py-2">{t.servingPartner?.name ?? "Direct"}</td>
                    <td className="px-4 py-2">{t.touchpoint?.name ?? "—"}</td>
                    <td className="px-4 py-2">{t.channel ? CHANNEL[t.channel] : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        )}
      </section>
    </div>
  );
}
