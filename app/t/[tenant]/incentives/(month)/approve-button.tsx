"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import { approveIncentivesAction } from "../actions";

/** Approves the month's proposal behind a confirmation; the result is frozen. */
export function ApproveIncentives({
  tenantSlug,
  month,
  monthName,
  summary,
}: {
  tenantSlug: string;
  month: string;
  monthName: string;
  summary: string;
}) {
  const router = useRouter();
  // The refreshed page replaces this button with the month's approved state (its status line confirms it), so a
  // success message here would vanish with the button.
  const approve = useAction(approveIncentivesAction, { onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger="Approve incentives"
        tone="primary"
        title={`Approve the ${monthName} incentives?`}
        description={`${summary} The result is frozen with the month: later rule changes or a republished month do not change it, and each partner sees its own tier and payout.`}
        confirmLabel="Approve"
        onConfirm={() => approve.execute({ tenantSlug, month })}
        pending={approve.isPending}
      />
      <FormMessage>{formError(approve.result)}</FormMessage>
    </div>
  );
}
