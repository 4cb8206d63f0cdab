import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPartnerIncidentPage } from "@/lib/incidents/pages";
import { allowedIncidentTransitions, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { PARTNER_TARGETS } from "@/lib/incidents/update-incident";
import { Card, PageHeader } from "@/components/ui/card";
import { IncidentSummary, TimelineSection } from "@/components/incidents/incident-view";
import { CommentForm, ExtensionRequestForm, TransitionControls } from "@/components/incidents/incident-controls";
import { partnerCommentAction, partnerTransitionAction, requestExtensionAction } from "../actions";

export const metadata: Metadata = { title: "Incident" };

export default async function PortalIncidentPage({ params }: PageProps<"/portal/[tenant]/incidents/[incidentId]">) {
  const { tenant, incidentId } = await params;
  const access = await requirePartner(tenant);
  // Scoped to the partner: another partner's incident is not found (404).
  const data = await loadPartnerIncidentPage(partnerScope(access), incidentId);
  if (!data) notFound();
  const { incident, pending, equityAtRisk, causes } = data;
  const status = incident.status as IncidentStatus;
  const respond = can(access.membership.role, "portal:respond");
  const targets = allowedIncidentTransitions(status).filter((t) => PARTNER_TARGETS.includes(t));
  const active = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING"].includes(status);
  return (
    <div className="space-y-6">
      <Link href={`/portal/${tenant}/incidents`} className="text-sm text-brand-700 hover:underline">
        ← Your incidents
      </Link>
      <PageHeader
        title={`INC-${incident.number} · ${incident.title}`}
        description={`Opened ${incident.openedAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`}
      />
      <IncidentSummary
        currency={access.tenant.currency}
        incident={incident}
        partnerName={incident.partner.name}
        touchpointName={incident.touchpoint.name}
        equityAtRisk={equityAtRisk}
      />
      {respond && (
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
          <Card className="space-y-5 p-5">
            <h2 className="font-semibold">Actions</h2>
            <TransitionControls
              tenantSlug={tenant}
              incidentId={incident.id}
              status={status}
              targets={targets}
              causes={causes}
              action={partnerTransitionAction}
            />
            {active &&
              (pending ? (
                <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800" data-testid="extension-pending">
                  Your request for {pending.minutes} more minutes is waiting for the brand&apos;s decision.
                </p>
              ) : (
                <ExtensionRequestForm tenantSlug={tenant} incidentId={incident.id} action={requestExtensionAction} />
              ))}
          </Card>
          <Card className="p-5">
            <CommentForm tenantSlug={tenant} incidentId={incident.id} mode="partner" action={partnerCommentAction} />
          </Card>
        </div>
      )}
      <TimelineSection events={incident.events} />
    </div>
  );
}
