"use client";

import { useState } from "react";
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
  const [done, setDone] = useState<string | null>(null);
  const approve = useAction(approveIncentivesAction, {
    onSuccess: ({ data }) => {
      setDone(`Approved: ${data.partners} partners, ${data.tierChanges} tier changes. The payout CSV is ready.`);
      router.refresh();
    },
  });
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger="Approve incentives"
        tone="primary"
        title={`Approve the ${monthName} incentives?`}
        description={`${summary} The result is frozen with the month: later rule changes or a republished month do not change it, and each partner sees its own tier and payout.`}
        confirmLabel="Approve"
        onConfirm={() => {
          setDone(null);
          approve.execute({ tenantSlug, month });
        }}
        pending={approve.isPending}
      />
      <FormMessage>{formError(approve.result)}</FormMessage>
      {done && <FormMessage tone="success">{done}</FormMessage>}
    </div>
  );
}
