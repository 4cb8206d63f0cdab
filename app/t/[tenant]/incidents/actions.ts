"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { withFieldErrors } from "@/lib/actions/field-errors";
import { tenantSlug } from "@/lib/actions/schemas";
import { createIncident, incidentInputSchema } from "@/lib/incidents/create-incident";
import {
  acknowledgeIncidents,
  assignIncidents,
  commentOnIncident,
  commentSchema,
  decideExtension,
  extensionDecisionSchema,
  transitionIncident,
  transitionSchema,
} from "@/lib/incidents/update-incident";
import { actorFor } from "@/lib/incidents/actor";
import { changeEscalationLevel, manualEscalationSchema } from "@/lib/incidents/manual-escalation";
import {
  createInboxView,
  createInboxViewSchema,
  deleteInboxView,
  deleteInboxViewSchema,
  renameInboxView,
  renameInboxViewSchema,
} from "@/lib/incidents/inbox-views";

// Each id is checked at the list's level: the flattened errors the form reads keep only the list's own messages.
const ids = z
  .array(z.unknown())
  .min(1, "Select at least one incident")
  .max(100, "Select at most 100 incidents")
  .refine((list) => list.every((id) => typeof id === "string" && id.length >= 1 && id.length <= 64), {
    error: "Each selected incident must be an incident id",
  })
  .transform((list) => list as string[]);

const createIncidentInput = incidentInputSchema.extend({ tenantSlug });

export const createIncidentAction = stewardAction
  .metadata({ actionName: "incident.created", permission: "incidents:write" })
  .inputSchema(createIncidentInput)
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const incident = await withFieldErrors(createIncidentInput, () =>
      createIncident(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access), "STEWARD"),
    );
    ctx.audit({
      action: "incident.created",
      entityType: "Incident",
      entityId: incident.id,
      data: { number: incident.number },
    });
    revalidatePath(`/t/${slug}/incidents`);
    return incident;
  });

export const transitionIncidentAction = stewardAction
  .metadata({ actionName: "incident.transitioned", permission: "incidents:write" })
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
    revalidatePath(`/t/${slug}/incidents`, "layout");
    return result;
  });

export const commentIncidentAction = stewardAction
  .metadata({ actionName: "incident.commented", permission: "incidents:write" })
  .inputSchema(commentSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await commentOnIncident(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: input.internal ? "incident.noted" : "incident.commented",
      entityType: "Incident",
      entityId: result.id,
    });
    revalidatePath(`/t/${slug}/incidents/${result.id}`);
    return result;
  });

export const assignIncidentsAction = stewardAction
  .metadata({ actionName: "incident.assigned", permission: "incidents:write" })
  .inputSchema(z.object({ tenantSlug, incidentIds: ids, membershipId: z.string().max(64).nullable() }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await assignIncidents(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.incidentIds,
      parsedInput.membershipId || null,
      actorFor(ctx.access),
    );
    ctx.audit({
      action: "incident.assigned",
      entityType: "Incident",
      data: { incidentIds: parsedInput.incidentIds, assigneeId: parsedInput.membershipId },
    });
    revalidatePath(`/t/${parsedInput.tenantSlug}/incidents`, "layout");
    return result;
  });

export const acknowledgeIncidentsAction = stewardAction
  .metadata({ actionName: "incident.acknowledged", permission: "incidents:write" })
  .inputSchema(z.object({ tenantSlug, incidentIds: ids }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await acknowledgeIncidents(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.incidentIds,
      actorFor(ctx.access),
    );
    ctx.audit({
      action: "incident.acknowledged",
      entityType: "Incident",
      data: { incidentIds: parsedInput.incidentIds, count: result.count },
    });
    revalidatePath(`/t/${parsedInput.tenantSlug}/incidents`, "layout");
    return result;
  });

export const decideExtensionAction = stewardAction
  .metadata({ actionName: "incident.extension_decided", permission: "incidents:write" })
  .inputSchema(extensionDecisionSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await decideExtension(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "incident.extension_decided",
      entityType: "Incident",
      entityId: input.incidentId,
      data: result,
    });
    revalidatePath(`/t/${slug}/incidents/${input.incidentId}`);
    return result;
  });

/** Moves an incident one rung up or down its escalation ladder by hand, with a reason on its timeline. */
export const escalateIncidentAction = stewardAction
  .metadata({ actionName: "incident.escalation_changed", permission: "incidents:write" })
  .inputSchema(manualEscalationSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await changeEscalationLevel(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: input.direction === "up" ? "incident.escalated_by_hand" : "incident.de_escalated_by_hand",
      entityType: "Incident",
      entityId: input.incidentId,
      data: { ...result, reason: input.reason },
    });
    revalidatePath(`/t/${slug}/incidents`, "layout");
    return result;
  });

/** Saves the inbox's current filters and order under a name, for the member (optionally shared with the workspace). */
export const createInboxViewAction = stewardAction
  .metadata({ actionName: "inbox_view.created", permission: "incidents:write" })
  .inputSchema(createInboxViewSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const view = await createInboxView(ctx.db, ctx.access.tenant.id, ctx.access.membership.id, input);
    ctx.audit({
      action: "inbox_view.created",
      entityType: "InboxView",
      entityId: view.id,
      data: { name: view.name, query: view.query, shared: view.shared },
    });
    revalidatePath(`/t/${slug}/incidents`);
    return { id: view.id, name: view.name, query: view.query };
  });

export const renameInboxViewAction = stewardAction
  .metadata({ actionName: "inbox_view.renamed", permission: "incidents:write" })
  .inputSchema(renameInboxViewSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const view = await renameInboxView(ctx.db, ctx.access.tenant.id, ctx.access.membership.id, input);
    ctx.audit({ action: "inbox_view.renamed", entityType: "InboxView", entityId: view.id, data: { name: view.name } });
    revalidatePath(`/t/${slug}/incidents`);
    return { id: view.id, name: view.name };
  });

export const deleteInboxViewAction = stewardAction
  .metadata({ actionName: "inbox_view.deleted", permission: "incidents:write" })
  .inputSchema(deleteInboxViewSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const view = await deleteInboxView(ctx.db, ctx.access.tenant.id, ctx.access.membership.id, input);
    ctx.audit({ action: "inbox_view.deleted", entityType: "InboxView", entityId: view.id, data: { name: view.name } });
    revalidatePath(`/t/${slug}/incidents`);
    return view;
  });
