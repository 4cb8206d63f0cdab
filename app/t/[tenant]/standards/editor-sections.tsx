import type { ComponentProps } from "react";
import type { StandardsPageData } from "@/lib/standards/pages";
import { Card } from "@/components/ui/card";
import { StandardForm } from "./standard-form";
import { RecordAssessmentForm } from "./assessment-forms";
import { formatMonth } from "@/lib/months";

type Props = {
  tenant: string;
  editing: StandardsPageData["editing"];
  touchpoints: { id: string; name: string }[];
  assignedPartners: { id: string; name: string }[];
  standardOptions: ComponentProps<typeof RecordAssessmentForm>["standards"];
};

/** The new-standard (or edit-standard) form beside the form to record an assessment. */
export function EditorSections({ tenant, editing, touchpoints, assignedPartners, standardOptions }: Props) {
  return (
    <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
      <section aria-labelledby="standard-form-heading" id="standard-form">
        <h2 id="standard-form-heading" className="mb-3 text-lg font-semibold">
          {editing ? `Edit ${editing.name} (v${editing.version})` : "New standard"}
        </h2>
        <Card className="p-5">
          {editing ? (
            <StandardForm
              key={editing.id}
              tenantSlug={tenant}
              standardId={editing.id}
              assessed={editing._count.assessments > 0}
              touchpoints={touchpoints}
              initial={{
                touchpointId: editing.touchpointId,
                name: editing.name,
                description: editing.description ?? "",
                metricKind: editing.metricKind,
                comparator: editing.comparator,
                target: String(editing.target),
                unit: editing.unit ?? "",
                weight: String(editing.weight),
                severity: editing.severity,
              }}
            />
          ) : (
            <StandardForm tenantSlug={tenant} touchpoints={touchpoints} />
          )}
        </Card>
      </section>
      <section aria-labelledby="record-heading">
        <h2 id="record-heading" className="mb-3 text-lg font-semibold">
          Record an assessment
        </h2>
        <Card className="p-5">
          {assignedPartners.length === 0 ? (
            <p className="text-sm text-slate-600">
              Assign partners to touchpoints first: assessments measure a partner against a standard that applies to it.
            </p>
          ) : (
            <RecordAssessmentForm
              tenantSlug={tenant}
              partners={assignedPartners}
              standards={standardOptions}
              defaultPeriod={formatMonth(new Date())}
            />
          )}
        </Card>
      </section>
    </div>
  );
}
