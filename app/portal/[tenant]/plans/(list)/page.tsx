import type { Metadata } from "next";
import Link from "next/link";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { loadPortalPlansPage } from "@/lib/plans/pages";
import { EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PlanStatusBadge, ProgressLine } from "@/components/plans/plan-view";

export const metadata: Metadata = { title: "Corrective-action plans" };

export default async function PortalPlansPage({ params, searchParams }: PageProps<"/portal/[tenant]/plans">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requirePartner(tenant);
  const list = await loadPortalPlansPage(partnerScope(access), query);
  const base = `/portal/${tenant}/plans`;
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Corrective-action plans"
        description={`Plans ${access.tenant.name} proposed to you: accept or dispute them, post evidence for each action and mark it done; the brand verifies.`}
      />
      {list.plans.length === 0 ? (
        <EmptyState title="No plans">When the brand proposes a corrective-action plan, it appears here.</EmptyState>
      ) : (
        <ScrollCard label="Your corrective-action plans">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">Plan</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Progress</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.plans.map((p) => (
                <tr key={p.id} data-testid="plan-row">
                  <td className="px-4 py-3">
                    <Link href={`${base}/${p.id}`} className="font-medium text-brand-700 underline">
                      {p.title}
                    </Link>
                    <p className="text-xs text-slate-600">{p.reason}</p>
                  </td>
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
      )}
      {list.total > list.pageSize ? (
        <Pagination
          page={list.page}
          pageCount={pageCount}
          total={list.total}
          hrefFor={(n) => `${base}?page=${n}`}
          label="plans"
        />
      ) : null}
    </div>
  );
}
