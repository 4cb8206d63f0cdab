import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { loadFeedbackPage } from "@/lib/feedback/pages";
import { PageHeader } from "@/components/ui/card";
import { FeedbackViewSection } from "@/components/feedback/feedback-view";

export const metadata: Metadata = { title: "Customer feedback" };

export default async function PortalFeedbackPage({ params, searchParams }: PageProps<"/portal/[tenant]/feedback">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const { query, ...view } = await loadFeedbackPage(partnerScope(access), await searchParams);
  return (
    <div>
      <PageHeader
        title="Customer feedback"
        description={`What ${access.tenant.name}'s customers said about the moments you handled for them: your answers and comments only.`}
      />
      <FeedbackViewSection view={view} query={query} path={`/portal/${tenant}/feedback`} showPartnerFilter={false} />
    </div>
  );
}
