import { formatMoney } from "@/lib/workspace/money";
import type { Incident, IncidentEvent } from "@/generated/prisma/client";
import { Card } from "@/components/ui/card";
import { Countdown } from "@/components/ui/countdown";
import { EVENT_LABELS, SEVERITY_LABELS, type SeverityValue } from "@/lib/incidents/labels";
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { ESCALATION_LEVEL_LABELS, type EscalationLevel } from "@/lib/incidents/escalation-rules";

function SeverityBadge({ severity }: { severity: string }) {
  const tone =
    severity === "CRITICAL"
      ? "bg-red-100 text-red-800"
      : severity === "HIGH"
        ? "bg-orange-100 text-orange-800"
        : severity === "MEDIUM"
          ? "bg-amber-50 text-amber-800"
          : "bg-slate-100 text-slate-700";
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${tone}`}>
      {SEVERITY_LABELS[severity as SeverityValue] ?? severity}
    </span>
  );
}

export function IncidentSummary({
  incident,
  partnerName,
  touchpointName,
  assigneeName,
  equityAtRisk,
  currency,
}: {
  incident: Incident & { cause?: { label: string } | null };
  /** The workspace's currency (settings), for the costs and the equity at risk. */
  currency: string;
  partnerName: string;
  touchpointName: string;
  assigneeName?: string | null;
  /** Undefined hides the figure (partners do not see customer values); null: values not computed yet. */
  equityAtRisk?: number | null;
}) {
  const money = (n: unknown) => formatMoney(Number(n), currency, { cents: true });
  const cost =
    Number(incident.costRefunds) +
    Number(incident.costReshipment) +
    Number(incident.costCredits) +
    Number(incident.costHandling);
  const active = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING"].includes(incident.status);
  return (
    <Card className="p-5">
      <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd className="font-medium" data-testid="incident-status">
            {INCIDENT_STATUS_LABELS[incident.status as IncidentStatus]}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Severity</dt>
          <dd>
            <SeverityBadge severity={incident.severity} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">SLA clock ({incident.acknowledgedAt ? "resolve" : "acknowledge"})</dt>
          <dd>
            {active ? (
              <Countdown dueAt={incident.nextDueAt?.toISOString() ?? null} paused={!!incident.pausedAt} />
            ) : (
              "Stopped"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Escalation level</dt>
          <dd data-testid="escalation-level">
            {incident.escalationLevel} · {ESCALATION_LEVEL_LABELS[incident.escalationLevel as EscalationLevel] ?? "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Partner</dt>
          <dd>{partnerName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Touchpoint</dt>
          <dd>{touchpointName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Category</dt>
          <dd>{incident.category}</dd>
        </div>
        {assigneeName !== undefined && (
          <div>
            <dt className="text-slate-500">Assignee</dt>
            <dd data-testid="assignee">{assigneeName ?? "Unassigned"}</dd>
          </div>
        )}
        <div>
          <dt className="text-slate-500">Acknowledge by</dt>
          <dd>{incident.ackDueAt?.toISOString().replace("T", " ").slice(0, 16) ?? "—"} UTC</dd>
        </div>
        <div>
          <dt className="text-slate-500">Resolve by</dt>
          <dd>
            {incident.resolveDueAt?.toISOString().replace("T", " ").slice(0, 16) ?? "—"} UTC
            {incident.extraMinutes ? ` (+${incident.extraMinutes} min granted)` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Customers affected</dt>
          <dd>{incident.customersAffected}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Cost of failure</dt>
          <dd
            title={`Refunds ${money(incident.costRefunds)} · Reshipment ${money(incident.costReshipment)} · Credits ${money(incident.costCredits)} · Handling ${money(incident.costHandling)}`}
          >
            {money(cost)}
            <span className="block text-xs text-slate-500">
              refunds {money(incident.costRefunds)} · reshipment {money(incident.costReshipment)} · credits{" "}
              {money(incident.costCredits)} · handling {money(incident.costHandling)}
            </span>
          </dd>
        </div>
        {equityAtRisk !== undefined && (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Equity at risk</dt>
            <dd data-testid="equity-at-risk">
              {equityAtRisk === null
                ? "Not available yet: customer values have not been computed (Customers & value → Recompute)."
                : money(equityAtRisk)}
            </dd>
          </div>
        )}
      </dl>
      <p className="mt-4 whitespace-pre-wrap text-sm text-slate-700">{incident.description}</p>
      {incident.rootCause && (
        <div className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
          <p>
            <span className="font-medium">Root cause:</span> {incident.rootCause}
          </p>
          {incident.cause && (
            <p data-testid="filed-under">
              <span className="font-medium">Filed under:</span> {incident.cause.label}
            </p>
          )}
          <p>
            <span className="font-medium">Resolution:</span> {incident.resolution}
          </p>
        </div>
      )}
    </Card>
  );
}

/** The incident's timeline under its heading, as stewards and partners see it. */
export function TimelineSection({ events }: { events: IncidentEvent[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
        Timeline
      </h2>
      <Timeline events={events} />
    </section>
  );
}

function Timeline({ events }: { events: IncidentEvent[] }) {
  return (
    <ol className="space-y-3" data-testid="timeline">
      {events.map((e) => (
        <li
          key={e.id}
          className={`rounded-md border p-3 text-sm ${e.internal ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white"}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">
              {EVENT_LABELS[e.type] ?? e.type}
              {e.toStatus && e.type !== "CREATED"
                ? `: ${INCIDENT_STATUS_LABELS[e.fromStatus as IncidentStatus] ?? "—"} → ${INCIDENT_STATUS_LABELS[e.toStatus as IncidentStatus]}`
                : ""}
              {e.internal ? " (internal)" : ""}
            </span>
            <span className="text-xs text-slate-500">
              {e.actorLabel} ·{" "}
              <time dateTime={e.createdAt.toISOString()}>
                {e.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
              </time>
            </span>
          </div>
          {typeof (e.data as { rootCause?: unknown } | null)?.rootCause === "string" && (
            <p className="mt-1 text-slate-700">
              <span className="font-medium">Root cause:</span> {(e.data as { rootCause: string }).rootCause}
            </p>
          )}
          {e.body && <p className="mt-1 whitespace-pre-wrap text-slate-700">{e.body}</p>}
        </li>
      ))}
    </ol>
  );
}
