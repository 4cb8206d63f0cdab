import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { loadPortalPlansPage } from "@/lib/plans/pages";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PlanTable } from "@/components/plans/plan-table";

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
        <PlanTable plans={list.plans} base={base} label="Your corrective-action plans" />
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
