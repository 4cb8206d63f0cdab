"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { ActionError } from "@/lib/actions/errors";
import { createRecomputeJob, getRecomputeJob } from "@/lib/value/recompute-job";
import { formatMonth, parseMonth } from "@/lib/value/tenant-data";

const tenantSlug = z.string().min(1).max(64);
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month (YYYY-MM)")
  // Zod runs every check even after the regex fails: guard, so a malformed month is a field error, not a thrown RangeError.
  .refine((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m) || parseMonth(m).getTime() <= Date.now(), "Choose this month or an earlier one");

export const startRecomputeAction = stewardAction
  .metadata({ actionName: "value.recompute.started", permission: "value:recompute" })
  .inputSchema(z.object({ tenantSlug, month: month.optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const tenantId = ctx.access.tenant.id;
    const target = parsedInput.month ? parseMonth(parsedInput.month) : new Date();
    const job = await createRecomputeJob(ctx.db, tenantId, { month: target, userId: ctx.access.user.id });
    ctx.audit({ action: "value.recompute.started", entityType: "Job", entityId: job.id, data: { month: formatMonth(target) } });
    // createRecomputeJob queued it in this transaction: a worker runs it once the transaction commits.
    return { jobId: job.id };
  });

export const recomputeStatusAction = stewardAction
  .metadata({ actionName: "value.recompute.status", permission: "workspace:read" })
  .inputSchema(z.object({ tenantSlug, jobId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const job = await getRecomputeJob(ctx.db, ctx.access.tenant.id, parsedInput.jobId);
    if (!job) throw new ActionError("That recompute was not found.", "not-found");
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
