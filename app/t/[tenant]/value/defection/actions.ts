"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { chooseChurnBasis } from "@/lib/defection/basis";

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
