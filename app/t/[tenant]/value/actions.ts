"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { DomainError } from "@/lib/errors";
import { createRecomputeJob, getRecomputeJob } from "@/lib/value/recompute-job";
import { formatMonth, parseMonth, pastMonthField } from "@/lib/months";

const month = pastMonthField();

export const startRecomputeAction = stewardAction
  .metadata({ actionName: "value.recompute.started", permission: "value:recompute" })
  .inputSchema(z.object({ tenantSlug, month: month.optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const tenantId = ctx.access.tenant.id;
    const target = parsedInput.month ? parseMonth(parsedInput.month) : new Date();
    const job = await createRecomputeJob(ctx.db, tenantId, { month: target, userId: ctx.access.user.id });
    ctx.audit({
      action: "value.recompute.started",
      entityType: "Job",
      entityId: job.id,
      data: { month: formatMonth(target) },
    });
    // createRecomputeJob queued it in this transaction: a worker runs it once the transaction commits.
    return { jobId: job.id };
  });

export const recomputeStatusAction = stewardAction
  .metadata({ actionName: "value.recompute.status", permission: "workspace:read" })
  .inputSchema(z.object({ tenantSlug, jobId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const job = await getRecomputeJob(ctx.db, ctx.access.tenant.id, parsedInput.jobId);
    if (!job) throw new DomainError("That recompute was not found.", "not-found");
    if (job.status === "SUCCEEDED" || job.status === "FAILED") revalidatePath(`/t/${ctx.access.tenant.slug}/value`);
    return {
      status: job.status,
      progress: job.progress,
      total: job.total,
      message: job.message,
      error: job.error,
      totalEquity: job.result?.totalEquity ?? null,
      customers: job.result?.customers ?? null,
      skipped: job.result?.skipped ?? false,
    };
  });
