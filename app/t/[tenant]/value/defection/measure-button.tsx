"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import { measureDefectionAction } from "./actions";

/** Queues a fresh measurement; while one runs, the page refreshes every few seconds until it is stored. */
export function MeasureButton({
  tenantSlug,
  running,
  first,
}: {
  tenantSlug: string;
  running: boolean;
  first: boolean;
}) {
  const router = useRouter();
  const action = useAction(measureDefectionAction, { onSuccess: () => router.refresh() });
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [running, router]);
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant={first ? "primary" : "secondary"}
        disabled={running || action.isPending}
        onClick={() => action.execute({ tenantSlug })}
      >
        {running ? "Measuring…" : first ? "Measure defection now" : "Measure again"}
      </Button>
      <FormMessage>{formError(action.result)}</FormMessage>
    </div>
  );
}
