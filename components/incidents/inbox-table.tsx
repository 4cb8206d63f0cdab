"use client";

import { setMember } from "@/components/forms/set-member";
import { useEarlyInput } from "@/components/forms/early-input";
import { ScrollCard } from "@/components/ui/card";

import Link from "next/link";
import type { InboxItem } from "@/lib/incidents/inbox";
import { formatMoney } from "@/lib/workspace/money";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage, inputBase } from "@/components/ui/field";
import { Countdown } from "@/components/ui/countdown";
import { formError } from "@/components/forms/errors";
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { SEVERITY_LABELS, type SeverityValue } from "@/lib/incidents/labels";
import type { ActionProp } from "@/components/forms/action-prop";

/** The bulk actions a steward's inbox offers; the portal's inbox has none. */
type InboxBulkActions = {
  acknowledge: ActionProp<{ tenantSlug: string; incidentIds: string[] }, { count: number; skipped: number }>;
  assign: ActionProp<{ tenantSlug: string; incidentIds: string[]; membershipId: string | null }>;
};

type Props = {
  tenantSlug: string;
  base: string;
  items: InboxItem[];
  stewards: { id: string; name: string }[];
  bulk?: InboxBulkActions;
  /** Shows each row's equity at risk (the inbox ordered by severity × equity at risk), in this currency. */
  riskCurrency?: string;
};

/** The inbox rows; stewards can select rows for bulk acknowledge / assign. */
export function InboxTable({ tenantSlug, base, items, stewards, bulk, riskCurrency }: Props) {
  const earlyInput = useEarlyInput<HTMLDivElement>();
  const [selected, setSelected] = useState<string[]>([]);
  const choose = (id: string, on: boolean) => setSelected((s) => setMember(s, id, on));
  const all = items.length > 0 && selected.length === items.length;
  return (
    <div ref={earlyInput} className="space-y-3">
      {bulk && (
        <BulkBar
          tenantSlug={tenantSlug}
          actions={bulk}
          stewards={stewards}
          selected={selected}
          onDone={() => setSelected([])}
        />
      )}
      <ScrollCard label="Incidents" className="shadow-none">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {bulk && (
                <th className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all"
                    checked={all}
                    onChange={(e) => setSelected(e.target.checked ? items.map((i) => i.id) : [])}
                  />
                </th>
              )}
              <th className="px-3 py-2">Incident</th>
              <th className="px-3 py-2">Severity</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">SLA</th>
              <th className="px-3 py-2">Level</th>
              <th className="px-3 py-2">Partner</th>
              <th className="px-3 py-2">Touchpoint</th>
              {riskCurrency && <th className="px-3 py-2">Equity at risk</th>}
              {bulk && <th className="px-3 py-2">Assignee</th>}
            </tr>
          </thead>
          <tbody data-testid="inbox">
            {items.map((i) => (
              <tr key={i.id} className="border-b border-slate-100 last:border-0" data-testid="inbox-row">
                {bulk && (
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={`Select INC-${i.number}`}
                      checked={selected.includes(i.id)}
                      onChange={(e) => choose(i.id, e.target.checked)}
                    />
                  </td>
                )}
                <td className="px-3 py-2">
                  <Link href={`${base}/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    INC-{i.number}
                  </Link>{" "}
                  <span className="text-slate-700">{i.title}</span>
                </td>
                <td className="px-3 py-2">{SEVERITY_LABELS[i.severity as SeverityValue] ?? i.severity}</td>
                <td className="px-3 py-2">{INCIDENT_STATUS_LABELS[i.status as IncidentStatus] ?? i.status}</td>
                <td className="px-3 py-2">
                  {["RESOLVED", "CLOSED"].includes(i.status) ? (
                    "—"
                  ) : (
                    <Countdown dueAt={i.nextDueAt} paused={i.paused} />
                  )}
                </td>
                <td className="px-3 py-2" data-testid="level">
                  {i.escalationLevel > 1 ? (
                    <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800">
                      Escalated L{i.escalationLevel}
                    </span>
                  ) : (
                    "L1"
                  )}
                </td>
                <td className="px-3 py-2">{i.partnerName}</td>
                <td className="px-3 py-2">{i.touchpointName}</td>
                {riskCurrency && (
                  <td className="px-3 py-2 tabular-nums" data-testid="equity-at-risk">
                    {formatMoney(i.equityAtRisk, riskCurrency)}
                  </td>
                )}
                {bulk && <td className="px-3 py-2">{i.assigneeName ?? "—"}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollCard>
    </div>
  );
}

type BulkBarProps = {
  tenantSlug: string;
  actions: InboxBulkActions;
  stewards: Props["stewards"];
  selected: string[];
  onDone: () => void;
};

/** Acknowledge or assign the selected rows. */
function BulkBar({ tenantSlug, actions, stewards, selected, onDone }: BulkBarProps) {
  const [assignee, setAssignee] = useState("");
  const ack = useAction(actions.acknowledge, { onSuccess: onDone });
  const assign = useAction(actions.assign, { onSuccess: onDone });
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Bulk actions">
      <span className="text-sm text-slate-600">{selected.length} selected</span>
      <Button
        variant="secondary"
        disabled={selected.length === 0}
        pending={ack.isPending}
        onClick={() => ack.execute({ tenantSlug, incidentIds: selected })}
      >
        Acknowledge selected
      </Button>
      <label className="sr-only" htmlFor="bulk-assignee">
        Assign selected to
      </label>
      <select
        id="bulk-assignee"
        className={`${inputBase} block w-56 max-w-full`}
        value={assignee}
        onChange={(e) => setAssignee(e.target.value)}
      >
        <option value="">Unassigned</option>
        {stewards.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <Button
        variant="secondary"
        disabled={selected.length === 0}
        pending={assign.isPending}
        onClick={() => assign.execute({ tenantSlug, incidentIds: selected, membershipId: assignee || null })}
      >
        Assign selected
      </Button>
      {ack.result.data && (
        <span className="text-sm text-emerald-700">
          Acknowledged {ack.result.data.count}
          {ack.result.data.skipped ? `, skipped ${ack.result.data.skipped} not open` : ""}.
        </span>
      )}
      <FormMessage>{formError(ack.result) ?? formError(assign.result)}</FormMessage>
    </div>
  );
}
