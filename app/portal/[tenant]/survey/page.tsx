import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPortalSurveyPage } from "@/lib/portal/pages";
import { quarterOf } from "@/lib/scorecards/feedback";
import { Card, PageHeader } from "@/components/ui/card";
import { SurveyForm } from "./survey-form";

export const metadata: Metadata = { title: "Partner survey" };

export default async function SurveyPage({ params }: PageProps<"/portal/[tenant]/survey">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const quarter = quarterOf(new Date());
  const answer = await loadPortalSurveyPage(partnerScope(access), quarter);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Partner survey"
        description={`Each quarter, tell ${access.tenant.name} how it treats you. Your answers feed the partner engagement part of your scorecard and are read by the channel team.`}
      />
      <Card className="max-w-2xl p-6">
        <h2 className="text-base font-semibold">Survey {quarter.replace("-", " ")}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {answer
            ? `You answered on ${answer.createdAt.toISOString().slice(0, 10)}. You can change your answers until the quarter ends.`
            : "1 = very poor, 5 = excellent. It takes a minute."}
        </p>
        {can(access.membership.role, "portal:respond") ? (
          <div className="mt-5">
            <SurveyForm
              tenantSlug={tenant}
              initial={
                answer
                  ? {
                      communication: answer.communication,
                      fairness: answer.fairness,
                      tools: answer.tools,
                      support: answer.support,
                      comment: answer.comment ?? "",
                    }
                  : null
              }
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
