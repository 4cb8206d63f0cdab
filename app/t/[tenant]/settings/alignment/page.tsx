import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadAlignmentSettingsPage } from "@/lib/partners/pages";
import { Card, EmptyState } from "@/components/ui/card";
import { SettingsHeader } from "@/components/settings/settings-header";
import { QuestionForm } from "./question-forms";

export const metadata: Metadata = { title: "Values alignment" };

export default async function AlignmentSettingsPage({ params }: PageProps<"/t/[tenant]/settings/alignment">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const write = can(access.membership.role, "settings:write");
  const questions = await loadAlignmentSettingsPage(access.tenant.id);
  const totalWeight = questions.filter((q) => q.active).reduce((s, q) => s + q.weight, 0);
  return (
    <div className="max-w-4xl space-y-6">
      <SettingsHeader
        tenantSlug={tenant}
        title="Values-alignment questions"
        description="During vetting each question is rated 0–5; the weighted average becomes the partner's 0–100 alignment score. Inactive questions are not asked and do not count."
      />
      {questions.length === 0 ? (
        <EmptyState title="No question yet">
          {write ? "Add the first question below." : "An owner can add questions."}
        </EmptyState>
      ) : (
        <Card className="divide-y divide-slate-100" data-testid="alignment-questions">
          {questions.map((q) => (
            <div key={q.id} className="p-4">
              {write ? (
                <QuestionForm
                  tenantSlug={tenant}
                  questionId={q.id}
                  initial={{ text: q.text, weight: String(q.weight), active: q.active }}
                />
              ) : (
                <p className="text-sm">
                  {q.text}{" "}
                  <span className="text-xs text-slate-500">
                    (weight {q.weight}
                    {q.active ? "" : ", inactive"})
                  </span>
                </p>
              )}
            </div>
          ))}
          <p className="p-4 text-xs text-slate-500">Total active weight: {totalWeight}</p>
        </Card>
      )}
      {write && (
        <section aria-labelledby="new-q">
          <h2 id="new-q" className="mb-3 text-lg font-semibold">
            Add a question
          </h2>
          <Card className="p-5">
            <QuestionForm tenantSlug={tenant} />
          </Card>
        </section>
      )}
    </div>
  );
}
