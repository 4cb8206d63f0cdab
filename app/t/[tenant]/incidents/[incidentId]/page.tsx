import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadStewardIncidentPage } from "@/lib/incidents/pages";
import { allowedIncidentTransitions, isIncidentActive, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { Card, PageHeader } from "@/components/ui/card";
import { IncidentSummary, TimelineSection } from "@/components/incidents/incident-view";
import {
  AssignControl,
  CommentForm,
  EscalationControl,
  ExtensionDecision,
  TransitionControls,
} from "@/components/incidents/incident-controls";
import {
  assignIncidentsAction,
  commentIncidentAction,
  decideExtensionAction,
  escalateIncidentAction,
  transitionIncidentAction,
} from "../actions";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: PageProps<"/t/[tenant]/incidents/[incidentId]">) {
  const { tenant, incidentId } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const data = await loadStewardIncidentPage(tenantId, incidentId);
  if (!data) notFound();
  const { incident, pending, equityAtRisk, stewards, causes } = data;
  const write = can(access.membership.role, "incidents:write");
  const status = incident.status as IncidentStatus;
  return (
    <div className="space-y-6">
      <Link href={`/t/${tenant}/incidents`} className="text-sm text-brand-700 hover:underline">
        ← Escalation inbox
      </Link>
      <PageHeader
        title={`INC-${incident.number} · ${incident.title}`}
        description={`Opened ${incident.openedAt.toISOString().replace("T", " ").slice(0, 16)} UTC by ${incident.source.toLowerCase()}.`}
      />
      <IncidentSummary
        currency={access.tenant.currency}
        incident={incident}
        partnerName={incident.partner.name}
        touchpointName={incident.touchpoint.name}
        assigneeName={incident.assignee?.user.name ?? null}
        equityAtRisk={equityAtRisk}
      />
      {write && (
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
          <Card className="space-y-5 p-5">
            <h2 className="font-semibold">Actions</h2>
            <TransitionControls
              tenantSlug={tenant}
              incidentId={incident.id}
              status={status}
              targets={[...allowedIncidentTransitions(status)]}
              causes={causes}
              action={transitionIncidentAction}
            />
            <AssignControl
              tenantSlug={tenant}
              incidentId={incident.id}
              assigneeId={incident.assigneeId}
              stewards={stewards}
              action={assignIncidentsAction}
            />
            {isIncidentActive(status) && (
              <EscalationControl
                tenantSlug={tenant}
                incidentId={incident.id}
                level={incident.escalationLevel}
                action={escalateIncidentAction}
              />
            )}
            {pending && (
              <ExtensionDecision
                tenantSlug={tenant}
                incidentId={incident.id}
                requestId={pending.id}
                minutes={pending.minutes}
                reason={pending.body}
                by={pending.actorLabel}
                action={decideExtensionAction}
              />
            )}
          </Card>
          <Card className="p-5">
            <CommentForm tenantSlug={tenant} incidentId={incident.id} mode="steward" action={commentIncidentAction} />
          </Card>
        </div>
      )}
      <TimelineSection events={incident.events} />
    </div>
  );
}
