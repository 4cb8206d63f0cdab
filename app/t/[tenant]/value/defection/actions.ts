"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { chooseChurnBasis } from "@/lib/defection/basis";
import { requestDefectionRun } from "@/lib/defection/job";

/** Equity at risk uses the survey figures or the defection measured from the workspace's customers. */
export const chooseChurnBasisAction = stewardAction
  .metadata({ actionName: "value.churn-basis.updated", permission: "value:recompute" })
  .inputSchema(
    z.object({
      tenantSlug,
      basis: z.enum(["SURVEY", "MEASURED"], { error: "Choose the survey figures or the measured rates" }),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const value = await chooseChurnBasis(ctx.db, ctx.access.tenant.id, parsedInput.basis);
    ctx.audit({
      action: "value.churn-basis.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: { churnBasis: value.churnBasis, measuredChurn: value.measuredChurn },
    });
    const base = `/t/${ctx.access.tenant.slug}`;
    revalidatePath(`${base}/value/defection`);
    revalidatePath(`${base}/value`);
    revalidatePath(base);
    return { churnBasis: value.churnBasis, measuredChurn: value.measuredChurn };
  });

/** A fresh measurement: the defection job is queued in this transaction and runs on the job worker. */
export const measureDefectionAction = stewardAction
  .metadata({ actionName: "defection.measure.requested", permission: "value:recompute" })
  .inputSchema(z.object({ tenantSlug }))
  .action(async ({ ctx }) => {
    const jobId = await requestDefectionRun(ctx.db, ctx.access.tenant.id, ctx.access.user.id);
    ctx.audit({ action: "defection.measure.requested", entityType: "Job", entityId: jobId });
    revalidatePath(`/t/${ctx.access.tenant.slug}/value/defection`);
    return { jobId };
  });
