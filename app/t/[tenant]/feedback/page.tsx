import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { loadFeedbackPage } from "@/lib/feedback/pages";
import { PageHeader } from "@/components/ui/card";
import { FeedbackViewSection } from "@/components/feedback/feedback-view";

export const metadata: Metadata = { title: "Customer feedback" };

export default async function FeedbackPage({ params, searchParams }: PageProps<"/t/[tenant]/feedback">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const { query, ...view } = await loadFeedbackPage({ tenantId: access.tenant.id }, await searchParams);
  return (
    <div>
      <PageHeader
        title="Customer feedback"
        description="What customers said right after a moment of truth: satisfaction, recommendation and their comments, per partner and touchpoint."
      />
      <FeedbackViewSection
        view={view}
        query={query}
        path={`/t/${tenant}/feedback`}
        showPartnerFilter
        customerHref={(id) => `/t/${tenant}/value/customers/${id}`}
        helpBase={`/t/${tenant}`}
      />
    </div>
  );
}
