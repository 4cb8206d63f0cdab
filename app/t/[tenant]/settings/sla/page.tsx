import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadSlaSettingsPage } from "@/lib/incidents/pages";
import { SEVERITY_LABELS } from "@/lib/incidents/labels";
import { DEFAULT_BUSINESS_DAYS } from "@/lib/incidents/business-hours";
import { Card, ScrollCard } from "@/components/ui/card";
import { BusinessHoursForm, SlaPolicyForm } from "./forms";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "SLA policies" };

export default async function SlaSettingsPage({ params }: PageProps<"/t/[tenant]/settings/sla">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const { policies, calendar, stewards } = await loadSlaSettingsPage(tenantId);
  const edit = can(access.membership.role, "settings:write");
  const who = (rung?: { role?: string; membershipId?: string }) =>
    rung?.membershipId
      ? (stewards.find((s) => s.id === rung.membershipId)?.name ?? "a former member")
      : rung?.role === "OWNER"
        ? "every owner"
        : rung?.role === "PARTNER"
          ? "the partner"
          : "every steward";
  return (
    <div className="space-y-8">
      <SettingsHeader
        tenantSlug={tenant}
        title="SLA policies and escalation"
        description="Per severity: time to acknowledge, time to resolve, and the ladder an incident climbs when it misses them (level 1 the partner, level 2 a channel manager, level 3 an executive). Waiting on the customer pauses the clock."
      />
      <ScrollCard label="SLA policies">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Severity</th>
              <th className="px-4 py-2">Acknowledge</th>
              <th className="px-4 py-2">Resolve</th>
              <th className="px-4 py-2">Clock</th>
              <th className="px-4 py-2">Level 1</th>
              <th className="px-4 py-2">Level 2</th>
              <th className="px-4 py-2">Level 3</th>
            </tr>
          </thead>
          <tbody data-testid="sla-policies">
            {policies.map((p) => (
              <tr key={p.severity} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2 font-medium">{SEVERITY_LABELS[p.severity]}</td>
                <td className="px-4 py-2">{p.ackMinutes} min</td>
                <td className="px-4 py-2">{p.resolveMinutes} min</td>
                <td className="px-4 py-2">{p.businessHoursOnly ? "Business hours" : "24/7"}</td>
                <td className="px-4 py-2">{who(p.ladder.find((r) => r.level === 1))}</td>
                <td className="px-4 py-2">{who(p.ladder.find((r) => r.level === 2))}</td>
                <td className="px-4 py-2">{who(p.ladder.find((r) => r.level === 3))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollCard>
      {edit && (
        <>
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
              Edit policies
            </h2>
            <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
              {policies.map((p) => (
                <Card key={p.severity} className="p-5">
                  <SlaPolicyForm
                    tenantSlug={tenant}
                    stewards={stewards}
                    policy={{
                      severity: p.severity,
                      ackMinutes: p.ackMinutes,
                      resolveMinutes: p.resolveMinutes,
                      businessHoursOnly: p.businessHoursOnly,
                      level2: p.ladder.find((r) => r.level === 2)?.membershipId ?? "",
                      level3: p.ladder.find((r) => r.level === 3)?.membershipId ?? "",
                    }}
                  />
                </Card>
              ))}
            </div>
          </section>
          <section aria-labelledby="hours-heading" className="max-w-xl">
            <h2 id="hours-heading" className="mb-3 text-lg font-semibold">
              Business hours
            </h2>
            <Card className="p-5">
              <BusinessHoursForm
                tenantSlug={tenant}
                calendar={{
                  timezone: calendar.timezone,
                  days: [...(calendar.days ?? DEFAULT_BUSINESS_DAYS)],
                  start: calendar.start ?? "09:00",
                  end: calendar.end ?? "17:00",
                }}
              />
            </Card>
          </section>
        </>
      )}
    </div>
  );
}
