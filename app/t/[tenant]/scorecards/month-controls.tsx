"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import { computeMonthAction, publishMonthAction } from "./actions";

/** Compute (draft) and publish buttons for one month, each behind a confirmation. */
export function MonthControls({
  tenantSlug,
  month,
  monthName,
  drafts,
  hasPublished,
}: {
  tenantSlug: string;
  month: string;
  monthName: string;
  drafts: number;
  hasPublished: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const compute = useAction(computeMonthAction, {
    onSuccess: ({ data }) => {
      setMessage(
        `Draft computed for ${data.partners} partners (${data.scored} with a score${data.averageScore !== null ? `, average ${data.averageScore.toFixed(1)}` : ""}). Review it, then publish.`,
      );
      router.refresh();
    },
  });
  const publish = useAction(publishMonthAction, {
    onSuccess: ({ data }) => {
      setMessage(
        `Published ${data.published} scorecards. Partners can see them in their portal. The month’s CSV and PDF export is being stored; it appears here when ready.`,
      );
      router.refresh();
    },
  });
  return (
    <div className="space-y-2" data-testid="month-controls">
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          trigger={drafts > 0 ? "Recompute draft" : "Compute draft"}
          title={`Compute the ${monthName} scorecards?`}
          description={
            drafts > 0
              ? "The current draft is replaced by a fresh computation from today's data. Published scorecards are not changed."
              : hasPublished
                ? "A new draft is computed from today's data. The published scorecards stay as they are until you publish the new draft."
                : "Every partner's scorecard for the month is computed from today's data as a draft. Partners do not see drafts."
          }
          confirmLabel="Compute"
          tone="primary"
          onConfirm={() => {
            setMessage(null);
            compute.execute({ tenantSlug, month });
          }}
          pending={compute.isPending}
        />
        {drafts > 0 && (
          <ConfirmDialog
            trigger="Publish"
            title={`Publish the ${monthName} scorecards?`}
            description={`${drafts} draft scorecards are published and frozen; partners see theirs in the portal.${hasPublished ? " The scorecards published before for this month are superseded." : ""}`}
            confirmLabel="Publish"
            onConfirm={() => {
              setMessage(null);
              publish.execute({ tenantSlug, month });
            }}
            pending={publish.isPending}
          />
        )}
      </div>
      <FormMessage>
        {formError(compute.result) ??
          formError(publish.result) ??
          compute.result.validationErrors?.fieldErrors?.month?.[0]}
      </FormMessage>
      {message && <FormMessage tone="success">{message}</FormMessage>}
    </div>
  );
}
