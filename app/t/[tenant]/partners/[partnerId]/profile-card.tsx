import { safeHref } from "@/lib/validation/web-url";
import { PARTNER_TIER_LABELS, PARTNER_TYPE_LABELS } from "@/lib/partners/schemas";
import type { PartnerPageData } from "@/lib/partners/pages";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { formatMonth } from "@/lib/months";
import { IncentiveTierValue } from "@/components/incentives/tier-badge";
import { day } from "./dates";

/** The partner's profile facts (status, contract, alignment, compliance, open incidents) and contacts. */
export function ProfileCard({
  partner,
  compliance,
  openIncidents,
  incentiveTier,
  base,
}: Pick<PartnerPageData, "partner" | "compliance" | "openIncidents" | "incentiveTier"> & { base: string }) {
  return (
    <Card className="p-5 lg:col-span-2">
      <h2 className="mb-3 text-lg font-semibold">Profile</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="partner-profile">
        <Fact label="Status">
          <PartnerStatusBadge status={partner.status} />
        </Fact>
        <Fact label="Type">{PARTNER_TYPE_LABELS[partner.type]}</Fact>
        <Fact label="Tier">{PARTNER_TIER_LABELS[partner.tier]}</Fact>
        <Fact label="Incentive tier">
          <IncentiveTierValue tier={incentiveTier} base={base} />
        </Fact>
        <Fact label="Region">{partner.region}</Fact>
        <Fact label="Contract">
          {day(partner.contractStart)} → {day(partner.contractEnd)}
        </Fact>
        <Fact label="Website">
          {/* a link only for an http(s) address: a value stored before the URL rule stays plain text */}
          {safeHref(partner.website) ? (
            <a
              href={safeHref(partner.website)!}
              className="text-brand-700 hover:underline"
              rel="noreferrer noopener"
              target="_blank"
            >
              {partner.website!.replace(/^https?:\/\//, "")}
            </a>
          ) : (
            (partner.website ?? "—")
          )}
        </Fact>
        <Fact label="Values alignment">
          <span data-testid="alignment-score">
            {partner.alignmentScore === null ? "not assessed" : `${partner.alignmentScore.toFixed(1)} / 100`}
          </span>
        </Fact>
        <Fact label={`Compliance ${formatMonth(new Date())}`}>
          <span data-testid="partner-compliance">
            {compliance.score === null ? "not assessed" : `${compliance.score.toFixed(1)}%`}
          </span>
          {compliance.coverage !== null && (
            <span className="block text-xs text-slate-500">coverage {compliance.coverage.toFixed(1)}%</span>
          )}
        </Fact>
        <Fact label="Open incidents">{openIncidents}</Fact>
      </dl>
      <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-700">Contacts</h3>
      {partner.contacts.length === 0 ? (
        <p className="text-sm text-slate-600">No contact recorded.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {partner.contacts.map((c) => (
            <li key={c.id}>
              <span className="font-medium">{c.name}</span>
              {c.title ? ` · ${c.title}` : ""}
              {c.email ? ` · ${c.email}` : ""}
              {c.phone ? ` · ${c.phone}` : ""}
              {c.isPrimary && <Badge className="ml-2">primary</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-800">{children}</dd>
    </div>
  );
}
