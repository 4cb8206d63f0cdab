"use client";

import { Form } from "@/components/forms/form";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { recomputeStatusAction, startRecomputeAction } from "./actions";

type Status = {
  status: string;
  progress: number;
  total: number | null;
  message: string | null;
  error: string | null;
  totalEquity: number | null;
  skipped: boolean;
};

/** Starts a recompute and polls its job every second until it ends, then refreshes the page. */
export function RecomputePanel({
  tenantSlug,
  defaultMonth,
  runningJobId,
}: {
  tenantSlug: string;
  defaultMonth: string;
  runningJobId: string | null;
}) {
  const router = useRouter();
  const [jobId, setJobId] = useState<string | null>(runningJobId);
  const [status, setStatus] = useState<Status | null>(null);
  const start = useAction(startRecomputeAction, {
    onSuccess: ({ data }) => {
      setStatus(null);
      setJobId(data.jobId);
    },
  });
  const poll = useAction(recomputeStatusAction);
  const { executeAsync: pollAsync } = poll;

  useEffect(() => {
    if (!jobId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await pollAsync({ tenantSlug, jobId });
      if (cancelled) return;
      if (result?.data) {
        setStatus(result.data);
        if (result.data.status === "SUCCEEDED" || result.data.status === "FAILED") {
          setJobId(null);
          router.refresh();
          return;
        }
      }
      timer = setTimeout(tick, 1000);
    };
    void tick();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, tenantSlug, pollAsync, router]);

  const running = jobId !== null;
  const percent = status?.total ? Math.round((100 * status.progress) / status.total) : 0;
  return (
    <div className="space-y-3" data-testid="recompute-panel">
      <Form
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Read from the form, not from state: a month typed before the page finished loading (hydrating) is kept by
          // the browser, where a controlled input's state would have put the default back (seen in CI under load).
          start.execute({ tenantSlug, month: String(new FormData(e.currentTarget).get("month") ?? "") });
        }}
      >
        <div className="w-44">
          <Field label="Month" error={fieldError(start.result, "month")}>
            {(p) => (
              <input
                {...p}
                type="month"
                name="month"
                className={inputClass}
                defaultValue={defaultMonth}
                disabled={running}
              />
            )}
          </Field>
        </div>
        <Button type="submit" pending={start.isPending || running}>
          {running ? "Recomputing…" : "Recompute customer values"}
        </Button>
      </Form>
      <FormMessage>{formError(start.result)}</FormMessage>
      {running && (
        <div role="status" aria-live="polite" className="space-y-1" data-testid="recompute-progress">
          <p className="text-sm text-slate-700">
            {status?.message ?? "Starting"}
            {status?.total
              ? ` — ${status.progress.toLocaleString("en")} of ${status.total.toLocaleString("en")} customers`
              : ""}
          </p>
          <div className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-100">
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {!running && status?.status === "SUCCEEDED" && (
        <FormMessage tone="success">
          {status.skipped
            ? "Already up to date: no transactions changed since the last fit."
            : "Customer values recomputed."}
          {status.totalEquity !== null &&
            ` Customer equity: ${status.totalEquity.toLocaleString("en", { maximumFractionDigits: 0 })}.`}
        </FormMessage>
      )}
      {!running && status?.status === "FAILED" && <FormMessage>{status.error ?? "The recompute failed."}</FormMessage>}
    </div>
  );
}
