"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { partnerAction } from "@/lib/actions/clients";
import { withFieldErrors } from "@/lib/actions/field-errors";
import { tenantSlug } from "@/lib/actions/schemas";
import { DomainError } from "@/lib/errors";
import { createIncident, incidentInputSchema } from "@/lib/incidents/create-incident";
import {
  commentOnIncident,
  extensionRequestSchema,
  requestExtension,
  transitionIncident,
  transitionSchema,
} from "@/lib/incidents/update-incident";
import { actorFor } from "@/lib/incidents/actor";

// Partner actions run in a transaction scoped to the user's partner: row-level security hides every
// other partner's incident, so a foreign id is "not found" (and the lib loads by tenantId + id).

const reportIncidentInput = incidentInputSchema.omit({ partnerId: true, customerId: true }).extend({ tenantSlug });

export const reportIncidentAction = partnerAction
  .metadata({ actionName: "incident.reported", permission: "portal:respond" })
  .inputSchema(reportIncidentInput)
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const partnerId = ctx.access.membership.partnerId;
    if (!partnerId) throw new DomainError("Workspace not found.", "not-found");
    const incident = await withFieldErrors(reportIncidentInput, () =>
      createIncident(ctx.db, ctx.access.tenant.id, { ...input, partnerId }, actorFor(ctx.access), "PARTNER"),
    );
    ctx.audit({
      action: "incident.reported",
      entityType: "Incident",
      entityId: incident.id,
      data: { number: incident.number },
    });
    revalidatePath(`/portal/${slug}/incidents`);
    return incident;
  });

export const partnerTransitionAction = partnerAction
  .metadata({ actionName: "incident.transitioned", permission: "portal:respond" })
  .inputSchema(transitionSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await transitionIncident(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "incident.transitioned",
      entityType: "Incident",
      entityId: result.id,
      data: { from: result.from, to: result.to },
    });
    revalidatePath(`/portal/${slug}/incidents`, "layout");
    return result;
  });

export const partnerCommentAction = partnerAction
  .metadata({ actionName: "incident.commented", permission: "portal:respond" })
  .inputSchema(
    z.object({
      tenantSlug,
      incidentId: z.string().min(1).max(64),
      body: z.string().trim().min(1, "Write a comment first").max(4000, "Keep comments under 4,000 characters"),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const result = await commentOnIncident(
      ctx.db,
      ctx.access.tenant.id,
      { incidentId: parsedInput.incidentId, body: parsedInput.body, internal: false },
      actorFor(ctx.access),
    );
    ctx.audit({ action: "incident.commented", entityType: "Incident", entityId: result.id });
    revalidatePath(`/portal/${parsedInput.tenantSlug}/incidents/${result.id}`);
    return result;
  });

export const requestExtensionAction = partnerAction
  .metadata({ actionName: "incident.extension_requested", permission: "portal:respond" })
  .inputSchema(extensionRequestSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await requestExtension(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "incident.extension_requested",
      entityType: "Incident",
      entityId: result.id,
      data: { minutes: input.minutes },
    });
    revalidatePath(`/portal/${slug}/incidents/${result.id}`);
    return result;
  });
