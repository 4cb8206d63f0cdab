import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPartnerPage } from "@/lib/partners/pages";
import type { partnerTrend } from "@/lib/scorecards/queries";
import { allowedPartnerTransitions, PARTNER_STATUS_LABELS, isPartnerStatus } from "@/lib/partners/lifecycle";
import { PARTNER_TIER_LABELS, PARTNER_TYPE_LABELS } from "@/lib/partners/schemas";
import { describeTarget, formatMeasurement } from "@/lib/standards/evaluate";
import { CHANNEL_LABELS } from "@/lib/touchpoints/touchpoints";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { monthLabel, RecommendationBadge, ScoreAndChange, StatusBadge } from "@/components/scorecards/labels";
import { ScoreTrendChart } from "@/components/scorecards/trend-chart";
import { trendPoints } from "@/components/scorecards/trend";
import { LifecycleForm } from "./lifecycle-form";
import { AlignmentForm } from "./alignment-form";

export const metadata: Metadata = { title: "Partner" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const month = (d: Date) => d.toISOString().slice(0, 7);

export default async function PartnerPage({ params }: PageProps<"/t/[tenant]/partners/[partnerId]">) {
  const { tenant, partnerId } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const write = can(access.membership.role, "partners:write");
  const data = await loadPartnerPage(tenantId, partnerId);
  if (!data) notFound();
  const { partner, standards, assessments, incidents, openIncidents, history, questions, compliance } = data;
  const base = `/t/${tenant}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={partner.name}
        description={partner.description ?? undefined}
        actions={
          write ? (
            <Link href={`${base}/partners/${partner.id}/edit`} className={buttonClass("secondary")}>
              Edit partner
            </Link>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Profile</h2>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="partner-profile">
            <Fact label="Status"><PartnerStatusBadge status={partner.status} /></Fact>
            <Fact label="Type">{PARTNER_TYPE_LABELS[partner.type]}</Fact>
            <Fact label="Tier">{PARTNER_TIER_LABELS[partner.tier]}</Fact>
            <Fact label="Region">{partner.region}</Fact>
            <Fact label="Contract">{day(partner.contractStart)} → {day(partner.contractEnd)}</Fact>
            <Fact label="Website">
              {partner.website ? (
                <a href={partner.website} className="text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
                  {partner.website.replace(/^https?:\/\//, "")}
                </a>
              ) : (
                "—"
              )}
            </Fact>
            <Fact label="Values alignment">
              <span data-testid="alignment-score">{partner.alignmentScore === null ? "not assessed" : `${partner.alignmentScore.toFixed(1)} / 100`}</span>
            </Fact>
            <Fact label={`Compliance ${month(new Date())}`}>
              <span data-testid="partner-compliance">{compliance.score === null ? "not assessed" : `${compliance.score.toFixed(1)}%`}</span>
              {compliance.coverage !== null && <span className="block text-xs text-slate-500">coverage {compliance.coverage.toFixed(1)}%</span>}
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
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">Lifecycle</h2>
          {write && isPartnerStatus(partner.status) ? (
            <LifecycleForm tenantSlug={tenant} partnerId={partner.id} allowed={allowedPartnerTransitions(partner.status)} />
          ) : (
            <p className="text-sm text-slate-600">Currently {PARTNER_STATUS_LABELS[partner.status]}.</p>
          )}
          <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-700">History</h3>
          {history.length === 0 ? (
            <p className="text-sm text-slate-600">No changes recorded yet.</p>
          ) : (
            <ul className="space-y-2 text-xs text-slate-600" data-testid="partner-history">
              {history.map((h) => {
                const d = (h.data ?? {}) as { from?: string; to?: string; reason?: string; score?: number };
                return (
                  <li key={h.id}>
                    <span className="font-medium text-slate-800">
                      {h.action === "partner.status_changed" ? `${d.from} → ${d.to}` : h.action.replace("partner.", "").replace("_", " ")}
                    </span>
                    {d.reason ? ` — “${d.reason}”` : ""}
                    {h.action === "partner.alignment_assessed" && d.score !== undefined ? ` — score ${d.score}` : ""}
                    <span className="block">
                      {h.actorLabel} · {h.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>

      <section aria-labelledby="alignment-heading">
        <h2 id="alignment-heading" className="mb-3 text-lg font-semibold">
          Values-alignment questionnaire
        </h2>
        <Card className="p-5">
          {questions.length === 0 ? (
            <p className="text-sm text-slate-600">
              No alignment questions yet.{" "}
              <Link href={`${base}/settings/alignment`} className="text-brand-700 hover:underline">
                Set them up in settings
              </Link>
              .
            </p>
          ) : (
            <AlignmentForm tenantSlug={tenant} partnerId={partner.id} questions={questions} disabled={!write || partner.status === "OFFBOARDED"} />
          )}
        </Card>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="touchpoints-heading">
          <h2 id="touchpoints-heading" className="mb-3 text-lg font-semibold">
            Touchpoints handled
          </h2>
          {partner.touchpoints.length === 0 ? (
            <EmptyState title="No touchpoint assigned">
              Assign this partner on the <Link href={`${base}/touchpoints`} className="text-brand-700 hover:underline">journey map</Link>.
            </EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100 text-sm" data-testid="partner-touchpoints">
                {partner.touchpoints.map(({ touchpoint: t }) => (
                  <li key={t.id} className="flex items-center justify-between px-4 py-2">
                    <span className="font-medium">{t.name}</span>
                    <span className="text-xs text-slate-500">
                      {t.stage} · {CHANNEL_LABELS[t.channel]}
                      {t.isMomentOfTruth && <Badge tone="violet" className="ml-2">moment of truth</Badge>}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </section>
        <section aria-labelledby="standards-heading">
          <h2 id="standards-heading" className="mb-3 text-lg font-semibold">
            Standards that apply
          </h2>
          {standards.length === 0 ? (
            <EmptyState title="No standard applies yet">Standards apply through the touchpoints the partner handles.</EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100 text-sm" data-testid="partner-standards">
                {standards.map((s) => {
                  const status = compliance.perStandard.find((c) => c.standardId === s.id)?.status ?? "NOT_ASSESSED";
                  return (
                    <li key={s.id} className="flex items-center justify-between gap-3 px-4 py-2">
                      <span>
                        <span className="font-medium">{s.name}</span>
                        <span className="block text-xs text-slate-500">
                          {s.touchpoint.name} · {describeTarget(s)} · weight {s.weight}
                        </span>
                      </span>
                      <span className="flex shrink-0 gap-1">
                        <Badge tone={status === "MET" ? "green" : status === "NOT_MET" ? "red" : "slate"}>
                          {status === "MET" ? "met" : status === "NOT_MET" ? "not met" : "not assessed"}
                        </Badge>
                        {s.acknowledgements.length > 0 ? <Badge tone="blue">acknowledged</Badge> : <Badge>not acknowledged</Badge>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </Card>
          )}
        </section>
        <section aria-labelledby="assessments-heading">
          <h2 id="assessments-heading" className="mb-3 text-lg font-semibold">
            Latest assessments
          </h2>
          {assessments.length === 0 ? (
            <EmptyState title="No assessment yet">Record one on the <Link href={`${base}/standards`} className="text-brand-700 hover:underline">standards</Link> page.</EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100 text-sm">
                {assessments.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-3 px-4 py-2">
                    <span>
                      <span className="font-medium">{a.standard.name}</span>
                      <span className="block text-xs text-slate-500">
                        {month(a.period)} · v{a.standard.version} · {a.source.toLowerCase().replace("_", " ")}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-1">
                      {formatMeasurement(a.standard, a.value)}
                      <Badge tone={a.met ? "green" : "red"}>{a.met ? "met" : "not met"}</Badge>
                      {a.verification !== "VERIFIED" && <Badge tone={a.verification === "PENDING" ? "amber" : "red"}>{a.verification.toLowerCase()}</Badge>}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </section>
        <section aria-labelledby="incidents-heading">
          <h2 id="incidents-heading" className="mb-3 text-lg font-semibold">
            Incidents
          </h2>
          {incidents.length === 0 ? (
            <EmptyState title="No incident recorded" />
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100 text-sm">
                {incidents.map((i) => (
                  <li key={i.id} className="flex items-center justify-between gap-3 px-4 py-2">
                    <span>
                      <Link href={`${base}/incidents/${i.id}`} className="font-medium text-brand-700 hover:underline">
                        INC-{i.number}
                      </Link>{" "}
                      {i.title}
                      <span className="block text-xs text-slate-500">{day(i.openedAt)}</span>
                    </span>
                    <span className="flex shrink-0 gap-1">
                      <Badge tone={i.severity === "CRITICAL" || i.severity === "HIGH" ? "red" : "slate"}>{i.severity.toLowerCase()}</Badge>
                      <Badge>{i.status.toLowerCase().replace("_", " ")}</Badge>
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </section>
      </div>
      <section aria-labelledby="scorecard-heading">
        <h2 id="scorecard-heading" className="mb-3 text-lg font-semibold">
          Scorecard
        </h2>
        {data.scorecards.length === 0 ? (
          <EmptyState title="No scorecard yet">Compute a month on the Scorecards page to score this partner.</EmptyState>
        ) : (
          <LatestScorecard tenant={tenant} partnerId={partnerId} cards={data.scorecards} />
        )}
      </section>
    </div>
  );
}

/** The latest card (published, or a draft when nothing is published yet) and the score trend. */
function LatestScorecard({ tenant, partnerId, cards }: { tenant: string; partnerId: string; cards: Awaited<ReturnType<typeof partnerTrend>> }) {
  const latest = cards[cards.length - 1];
  const latestMonth = month(latest.month);
  return (
    <Card className="space-y-4 p-5" data-testid="partner-scorecard">
      <div className="flex flex-wrap items-center gap-x-8 gap-y-3">
        <ScoreAndChange label={`Overall score, ${monthLabel(latest.month)}`} score={latest.score} change={latest.change} />
        <div>
          <p className="text-xs text-slate-500">Recommendation</p>
          <RecommendationBadge value={latest.recommendation} />
        </div>
        <StatusBadge status={latest.status} />
        <Link href={`/t/${tenant}/scorecards/${partnerId}?month=${latestMonth}`} className="ml-auto text-sm text-brand-700 hover:underline">
          Open the scorecard →
        </Link>
      </div>
      {cards.length > 1 && <ScoreTrendChart data={trendPoints(cards)} />}
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
