"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { FormMessage } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { chooseChurnBasisAction } from "./actions";

/** The steward's switch between the survey figures and the measured rates for equity at risk. */
export function BasisSwitch({ tenantSlug, basis }: { tenantSlug: string; basis: "SURVEY" | "MEASURED" }) {
  const router = useRouter();
  const action = useAction(chooseChurnBasisAction, { onSuccess: () => router.refresh() });
  const next = basis === "SURVEY" ? "MEASURED" : "SURVEY";
  return (
    <div className="space-y-2">
      <ConfirmDialog
        tone="primary"
        trigger={next === "MEASURED" ? "Use the measured rates for equity at risk" : "Go back to the survey figures"}
        title={next === "MEASURED" ? "Use the measured defection rates?" : "Use the survey figures again?"}
        description={
          next === "MEASURED"
            ? "Equity at risk on every page (dashboard, Customers & value, incidents, scorecards from now on) will use the defection measured today from your own customers. A segment with too little data keeps its survey figure."
            : "Equity at risk on every page will use the survey figures in the value settings again."
        }
        confirmLabel={next === "MEASURED" ? "Use measured rates" : "Use survey figures"}
        pending={action.isPending}
        onConfirm={() => action.execute({ tenantSlug, basis: next })}
      />
      <FormMessage>{formError(action.result)}</FormMessage>
    </div>
  );
}
